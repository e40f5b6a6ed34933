package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blob to push: its descriptor and a way to (re-)open its content. {@link #open} may be called
 * several times (a failed upload session is restarted from the beginning).
 */
public interface BlobSource {
  /** Media type, digest and size of the content {@link #open} returns. */
  Descriptor descriptor();

  /** A fresh stream over the whole content; the caller closes it. */
  InputStream open() throws IOException;
}
