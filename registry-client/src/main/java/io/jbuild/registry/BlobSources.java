package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Factories for {@link BlobSource}. */
public final class BlobSources {
  private BlobSources() {}

  /** Small in-memory content (configs, manifests, test layers); the descriptor is computed. */
  public static BlobSource ofBytes(String mediaType, byte[] bytes) {
    byte[] copy = bytes.clone();
    Descriptor d = Descriptor.of(mediaType, Digest.sha256(copy), copy.length);
    return new Simple(d, () -> new ByteArrayInputStream(copy));
  }

  /** A file whose digest and size the caller already knows (e.g. a blob in a local store). */
  public static BlobSource ofFile(Descriptor descriptor, Path file) {
    Objects.requireNonNull(file, "file");
    return new Simple(descriptor, () -> Files.newInputStream(file));
  }

  /** Content opened by {@code opener}, described by {@code descriptor}. */
  public static BlobSource of(Descriptor descriptor, Opener opener) {
    return new Simple(descriptor, opener);
  }

  /** Opens a stream; may throw. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws java.io.IOException;
  }

  private record Simple(Descriptor descriptor, Opener opener) implements BlobSource {
    Simple {
      Objects.requireNonNull(descriptor, "descriptor");
      Objects.requireNonNull(opener, "opener");
    }

    @Override
    public InputStream open() throws java.io.IOException {
      return opener.open();
    }
  }
}
