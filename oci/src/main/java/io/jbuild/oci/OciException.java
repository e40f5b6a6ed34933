package io.jbuild.oci;

import java.io.IOException;

/**
 * Base of the oci module's checked exceptions: invalid JSON documents, corrupt or missing blobs and
 * malformed image layouts. Messages are lower-case context chains, e.g.
 * {@code reading oci layout out/: index.json: invalid image index: ...}.
 */
public class OciException extends IOException {
  private static final long serialVersionUID = 1L;

  public OciException(String message) {
    super(message);
  }

  public OciException(String message, Throwable cause) {
    super(message, cause);
  }
}
