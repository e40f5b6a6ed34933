package io.jbuild.builder.warm;

import java.util.List;

/**
 * What a warm run did: per image whether it was pulled (with the layers and bytes downloaded) or
 * already warm; and for the imported caches the layers and bytes fetched and the steps now in the
 * local step cache.
 */
public record WarmReport(List<Image> images, int cacheLayers, long cacheBytes, int cacheSteps) {
  public WarmReport {
    images = List.copyOf(images);
  }

  /** One image: its reference as given, whether it was downloaded, what was downloaded. */
  public record Image(String ref, boolean pulled, int layers, long bytes) {}

  /** The images that were downloaded. */
  public List<Image> pulled() {
    return images.stream().filter(Image::pulled).toList();
  }
}
