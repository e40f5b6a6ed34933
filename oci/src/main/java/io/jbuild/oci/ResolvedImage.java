package io.jbuild.oci;

import java.util.List;

/**
 * One single-platform image, resolved: the descriptor of its manifest, the manifest and the config it
 * points to. What {@code FROM} needs to start a stage.
 */
public record ResolvedImage(Descriptor descriptor, ImageManifest manifest, ImageConfig config) {
  public ResolvedImage {
    if (descriptor == null || manifest == null || config == null) {
      throw new IllegalArgumentException("resolved image needs a descriptor, a manifest and a config");
    }
  }

  /** The manifest digest, the image's identity. */
  public Digest digest() {
    return descriptor.digest();
  }

  /** The layer descriptors, base first. */
  public List<Descriptor> layers() {
    return manifest.layers();
  }
}
