package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/** Factories for {@link ContentSink}. */
public final class ContentSinks {
  private ContentSinks() {}

  /**
   * A sink over the {@code blobs/<algorithm>/<hex>} tree of an OCI image layout rooted at {@code root}
   * (created when missing), the same layout {@code io.jbuild.oci.store.BlobStore} uses. Blobs are
   * written to a temporary file in {@code <root>/ingest/}, verified once more against their digest, and
   * moved into place atomically.
   */
  public static ContentSink ociLayout(Path root) {
    return new LayoutSink(Objects.requireNonNull(root, "root"));
  }

  /**
   * A sink over the shared {@link BlobStore}: each blob is streamed through a store writer that checks
   * digest and size again on commit; {@link BlobWriter#reset} aborts it and starts a fresh one.
   */
  public static ContentSink blobStore(BlobStore store) {
    Objects.requireNonNull(store, "store");
    return new ContentSink() {
      @Override
      public boolean has(Digest digest) {
        return store.has(digest);
      }

      @Override
      public BlobWriter create(Descriptor descriptor) throws IOException {
        return new StoreWriter(store, descriptor);
      }
    };
  }

  private static final class StoreWriter implements BlobWriter {
    private final BlobStore store;
    private final Descriptor descriptor;
    private io.jbuild.oci.store.BlobWriter out;

    StoreWriter(BlobStore store, Descriptor descriptor) throws IOException {
      this.store = store;
      this.descriptor = descriptor;
      this.out = store.writer(descriptor);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public long size() {
      return out.size();
    }

    @Override
    public void reset() throws IOException {
      out.abort();
      out = store.writer(descriptor);
    }

    @Override
    public void commit(Digest digest) throws IOException {
      if (!digest.equals(descriptor.digest())) {
        out.abort();
        throw new IOException("storing blob " + descriptor.digest() + ": committed as " + digest);
      }
      out.commit(descriptor.mediaType());
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  private record LayoutSink(Path root) implements ContentSink {
    Path blobPath(Digest digest) {
      return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    @Override
    public boolean has(Digest digest) {
      return Files.isRegularFile(blobPath(digest));
    }

    @Override
    public BlobWriter create(Descriptor descriptor) throws IOException {
      Files.createDirectories(blobPath(descriptor.digest()).getParent());
      Path ingest = root.resolve("ingest");
      Files.createDirectories(ingest);
      Path temp = Files.createTempFile(ingest, "blob-", ".tmp");
      return new FileWriter(this, descriptor.digest().algorithm(), temp);
    }
  }

  private static final class FileWriter implements BlobWriter {
    private final LayoutSink sink;
    private final String algorithm;
    private final Path temp;
    private OutputStream out;
    private MessageDigest md;
    private long size;
    private boolean done;

    FileWriter(LayoutSink sink, String algorithm, Path temp) throws IOException {
      this.sink = sink;
      this.algorithm = algorithm;
      this.temp = temp;
      open();
    }

    private void open() throws IOException {
      out = Files.newOutputStream(temp);
      md = newDigest(algorithm);
      size = 0;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (done) {
        throw new IOException("blob writer already closed");
      }
      out.write(bytes, offset, length);
      md.update(bytes, offset, length);
      size += length;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public void reset() throws IOException {
      out.close();
      open();
    }

    @Override
    public void commit(Digest digest) throws IOException {
      out.close();
      String actual = HexFormat.of().formatHex(md.digest());
      if (!digest.algorithm().equals(algorithm) || !digest.hex().equals(actual)) {
        close();
        throw new IOException("storing blob " + digest + ": content has digest " + algorithm + ":" + actual);
      }
      Path target = sink.blobPath(digest);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        out.close();
        Files.deleteIfExists(temp);
      }
    }
  }

  static MessageDigest newDigest(String algorithm) throws IOException {
    try {
      return MessageDigest.getInstance(switch (algorithm) {
        case "sha256" -> "SHA-256";
        case "sha512" -> "SHA-512";
        default -> throw new IOException("unsupported digest algorithm: " + algorithm);
      });
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException("digest algorithm missing from the JDK: " + algorithm, e);
    }
  }
}
