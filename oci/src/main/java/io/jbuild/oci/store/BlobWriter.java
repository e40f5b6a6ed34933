package io.jbuild.oci.store;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.DigestingOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams one blob into a {@link BlobStore}. Bytes go to a uniquely named temp file in the store's
 * ingest directory while their digest is computed; {@link #commit} syncs the file, checks the digest
 * (and size) against the expected ones if given, and atomically renames it to
 * {@code blobs/<algorithm>/<hex>} — a no-op when that blob already exists. On mismatch, or on
 * {@link #abort} or {@link #close} without commit, the temp file is deleted. Not thread-safe: one
 * writer per thread; any number of writers (in any number of processes) may run at once.
 */
public final class BlobWriter extends OutputStream {
  private final BlobStore store;
  private final Path temp;
  private final FileChannel channel;
  private final DigestingOutputStream out;
  private final Digest expected;
  private final long expectedSize;
  private boolean done;

  BlobWriter(BlobStore store, Path temp, Digest expected, long expectedSize) throws IOException {
    this.store = store;
    this.temp = temp;
    this.expected = expected;
    this.expectedSize = expectedSize;
    String algorithm = expected == null ? "sha256" : expected.algorithm();
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    this.out = new DigestingOutputStream(
        new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), algorithm);
  }

  /** Bytes written so far. */
  public long size() {
    return out.count();
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    out.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    out.flush();
  }

  /** Commits the blob; returns its descriptor without a media type. */
  public Descriptor commit() throws IOException {
    return commit(null);
  }

  /**
   * Commits the blob and returns its descriptor with {@code mediaType}. Throws
   * {@link CorruptBlobException} (temp file deleted, store unchanged) when an expected digest or size
   * was given and does not match.
   */
  public Descriptor commit(String mediaType) throws IOException {
    ensureOpen();
    done = true;
    try {
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      closeQuietly();
      Files.deleteIfExists(temp);
      throw new IOException("writing blob to " + temp + ": " + e.getMessage(), e);
    }
    closeQuietly();
    Digest actual = out.digest();
    long count = out.count();
    if (expected != null && !expected.equals(actual)) {
      Files.deleteIfExists(temp);
      throw new CorruptBlobException(expected, "content written has digest " + actual);
    }
    if (expectedSize >= 0 && expectedSize != count) {
      Files.deleteIfExists(temp);
      throw new CorruptBlobException(actual, "size " + count + " instead of " + expectedSize);
    }
    store.install(temp, actual);
    return new Descriptor(mediaType, actual, count, null, null, null, null);
  }

  /** Discards what was written. Idempotent; does nothing after {@link #commit}. */
  public void abort() throws IOException {
    if (!done) {
      done = true;
      closeQuietly();
      Files.deleteIfExists(temp);
    }
  }

  /** Aborts unless committed. */
  @Override
  public void close() throws IOException {
    abort();
  }

  private void ensureOpen() throws IOException {
    if (done) {
      throw new IOException("blob writer already committed or aborted");
    }
  }

  private void closeQuietly() {
    try {
      out.flush();
    } catch (IOException ignored) {
      // the channel is closed below; a failed flush was already reported
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }
}
