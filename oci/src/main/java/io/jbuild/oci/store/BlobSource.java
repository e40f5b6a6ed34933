package io.jbuild.oci.store;

import io.jbuild.oci.Digest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Somewhere blobs can be read from by digest: a {@link BlobStore}, an OCI layout, a registry.
 * Implementations verify content: a stream from {@link #open} throws {@link CorruptBlobException} at
 * end of stream when the bytes do not hash to {@code digest}.
 */
public interface BlobSource {
  /** Opens the blob; throws {@link BlobNotFoundException} when absent. The caller closes the stream. */
  InputStream open(Digest digest) throws IOException;

  /** The blob's size in bytes; throws {@link BlobNotFoundException} when absent. */
  long size(Digest digest) throws IOException;

  /** True when the blob is present. */
  boolean has(Digest digest) throws IOException;
}
