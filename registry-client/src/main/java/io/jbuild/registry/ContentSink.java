package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.io.IOException;

/**
 * Where pulled content goes: typically a local content-addressed blob store. The client asks
 * {@link #has} first and skips blobs the sink already holds; otherwise it streams the blob into a
 * {@link BlobWriter} and calls {@link BlobWriter#commit} only after the bytes matched the digest.
 * Implementations must be safe for concurrent use by several downloads.
 */
public interface ContentSink {
  /** True when the sink already holds the (verified) blob with this digest. */
  boolean has(Digest digest) throws IOException;

  /** A new writer for the blob described by {@code descriptor}; never visible before commit. */
  BlobWriter create(Descriptor descriptor) throws IOException;
}
