package io.jbuild.oci.layer;

import io.jbuild.oci.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes through while computing their SHA-256 and count. Closing does not close the target. */
final class DigestingOutputStream extends FilterOutputStream {
  private final MessageDigest sha = Digest.newSha256();
  private long count;

  DigestingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    sha.update(b, off, len);
    count += len;
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  long count() {
    return count;
  }

  /** The digest of everything written; call once, at the end. */
  Digest digest() {
    return Digest.ofSha256(sha.digest());
  }
}
