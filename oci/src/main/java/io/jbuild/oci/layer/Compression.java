package io.jbuild.oci.layer;

import io.jbuild.oci.MediaTypes;

/** How a layer tar is compressed, with the OCI media type each choice is pushed as. */
public enum Compression {
  /** Deterministic gzip, compressed in parallel blocks (see {@link ParallelGzipOutputStream}); the default. */
  GZIP(MediaTypes.OCI_LAYER_GZIP),
  /** Zstandard through zstd-jni, multithreaded, with a content checksum. */
  ZSTD(MediaTypes.OCI_LAYER_ZSTD),
  /** The plain tar. */
  UNCOMPRESSED(MediaTypes.OCI_LAYER_TAR);

  private final String mediaType;

  Compression(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The OCI layer media type of a blob compressed this way. */
  public String mediaType() {
    return mediaType;
  }

  /** The compression named by a CLI value ({@code gzip}, {@code zstd}, {@code uncompressed}), case-insensitive. */
  public static Compression parse(String name) {
    for (Compression c : values()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown compression \"" + name + "\": expected gzip, zstd or uncompressed");
  }
}
