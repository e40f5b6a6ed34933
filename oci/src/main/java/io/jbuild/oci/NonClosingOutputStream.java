package io.jbuild.oci;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Hands a caller's stream to a writer that closes what it writes to (a tar or a compressor) without
 * letting it close the caller's stream: {@link #close()} only flushes. Bulk writes go straight
 * through (FilterOutputStream would write byte by byte).
 */
public final class NonClosingOutputStream extends FilterOutputStream {
  public NonClosingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
