package io.jbuild.oci;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through to a target while computing their digest and count, so that content is
 * hashed as it is written, never re-read. Closing flushes but does not close the target. Not
 * thread-safe.
 */
public final class DigestingOutputStream extends FilterOutputStream {
  private final String algorithm;
  private final MessageDigest md;
  private long count;

  /** A SHA-256 digesting stream onto {@code out}. */
  public DigestingOutputStream(OutputStream out) {
    this(out, "sha256");
  }

  /**
   * A stream onto {@code out} digesting with {@code algorithm}.
   *
   * @throws IllegalArgumentException for an algorithm other than {@code sha256} and {@code sha512}
   */
  public DigestingOutputStream(OutputStream out, String algorithm) {
    super(out);
    this.algorithm = algorithm;
    this.md = Digest.newMessageDigest(algorithm);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    md.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    md.update(b, off, len);
    count += len;
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** Bytes written so far. */
  public long count() {
    return count;
  }

  /** The digest of everything written; call once, at the end. */
  public Digest digest() {
    return Digest.of(algorithm, md.digest());
  }
}
