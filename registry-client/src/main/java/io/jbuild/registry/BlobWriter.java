package io.jbuild.registry;

import io.jbuild.oci.Digest;
import java.io.Closeable;
import java.io.IOException;

/**
 * A blob being written into a {@link ContentSink}. Bytes are appended with {@link #write}; a download
 * that resumes with an HTTP {@code Range} request keeps appending, one that restarts calls
 * {@link #reset}. {@link #commit} publishes the blob under the given (already verified) digest;
 * {@link #close} without commit discards everything written.
 */
public interface BlobWriter extends Closeable {
  /** Appends bytes. */
  void write(byte[] bytes, int offset, int length) throws IOException;

  /** Number of bytes written since creation or the last {@link #reset}. */
  long size();

  /** Discards what was written so far. */
  void reset() throws IOException;

  /** Publishes the content as the blob {@code digest}; the writer is closed afterwards. */
  void commit(Digest digest) throws IOException;

  /** Discards uncommitted content; idempotent. */
  @Override
  void close() throws IOException;
}
