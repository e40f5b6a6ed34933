package io.jbuild.oci.store;

import io.jbuild.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * An input stream that hashes what passes through and, when the underlying stream reaches its end,
 * throws {@link CorruptBlobException} if the content does not match the expected digest (and size,
 * when known). It also refuses to read past the expected size. A stream closed before its end is not
 * verified. {@code skip} reads (and hashes) the skipped bytes.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long expectedSize;
  private final MessageDigest md;
  private long count;
  private boolean verified;
  private CorruptBlobException failure;

  private VerifyingInputStream(InputStream in, Digest expected, long expectedSize) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.md = Digest.newMessageDigest(expected.algorithm());
  }

  /** Wraps {@code in}; {@code expectedSize} is checked too unless negative. */
  public static VerifyingInputStream of(InputStream in, Digest expected, long expectedSize) {
    return new VerifyingInputStream(in, expected, expectedSize);
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = in.read(b, off, len);
    if (n < 0) {
      verify();
      return -1;
    }
    md.update(b, off, n);
    count += n;
    if (expectedSize >= 0 && count > expectedSize) {
      throw new CorruptBlobException(expected, "more than the expected " + expectedSize + " bytes");
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void verify() throws CorruptBlobException {
    if (!verified) {
      verified = true;
      if (expectedSize >= 0 && count != expectedSize) {
        failure = new CorruptBlobException(expected, "size " + count + " instead of " + expectedSize);
      } else {
        Digest actual = Digest.of(expected.algorithm(), md.digest());
        if (!actual.equals(expected)) {
          failure = new CorruptBlobException(expected, "content has digest " + actual);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
