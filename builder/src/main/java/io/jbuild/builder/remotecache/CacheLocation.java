package io.jbuild.builder.remotecache;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/**
 * Where a cache image is kept: a registry reference or an OCI layout directory. Made by
 * {@link CacheLocations#of}. Implementations are thread-safe.
 */
interface CacheLocation {
  /** The reference or directory, for messages. */
  String describe();

  /** The cache image stored there (manifest and config only, verified), or empty when there is none. */
  Optional<CacheImage> load() throws IOException;

  /**
   * Copies {@code blobs} (layers of {@code image}, as loaded from here) that {@code into} lacks into it,
   * each verified against its digest; blobs {@code into} already has are not fetched.
   */
  void fetch(CacheImage image, Collection<Descriptor> blobs, BlobStore into) throws IOException;

  /** Stores {@code image} (its layers read from {@code layers}), replacing what was there. */
  void store(CacheImage image, BlobSource layers) throws IOException;
}
