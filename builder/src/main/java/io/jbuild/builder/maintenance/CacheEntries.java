package io.jbuild.builder.maintenance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads step cache entries the way {@link io.jbuild.builder.cache.StepCache} does (the JSON of an
 * {@link ImageState}), to learn which blobs and diff ids an entry holds on to.
 */
final class CacheEntries {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private CacheEntries() {}

  /** The blobs and diff ids of one entry. */
  record Refs(Set<Digest> blobs, Set<Digest> diffIds) {}

  /** Reads an entry; an {@link IOException} means no build would trust it either. */
  static Refs read(Path file) throws IOException {
    ImageState state;
    try {
      state = JSON.readValue(file.toFile(), ImageState.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("unreadable cache entry: " + e.getMessage(), e);
    }
    if (state == null || state.layers() == null) {
      throw new IOException("unreadable cache entry: empty");
    }
    Set<Digest> blobs = new LinkedHashSet<>();
    for (Descriptor d : state.layers()) {
      blobs.add(d.digest());
    }
    return new Refs(blobs, new LinkedHashSet<>(state.diffIds()));
  }
}
