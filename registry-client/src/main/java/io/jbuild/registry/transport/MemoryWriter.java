package io.jbuild.registry.transport;

import io.jbuild.oci.Digest;
import io.jbuild.registry.BlobWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Collects a small blob (an image config) in memory. */
final class MemoryWriter implements BlobWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private boolean committed;

  @Override
  public void write(byte[] bytes, int offset, int length) {
    out.write(bytes, offset, length);
  }

  @Override
  public long size() {
    return out.size();
  }

  @Override
  public void reset() {
    out.reset();
  }

  @Override
  public void commit(Digest digest) {
    committed = true;
  }

  @Override
  public void close() {
    if (!committed) {
      out.reset();
    }
  }

  byte[] bytes() throws IOException {
    if (!committed) {
      throw new IOException("blob not complete");
    }
    return out.toByteArray();
  }
}
