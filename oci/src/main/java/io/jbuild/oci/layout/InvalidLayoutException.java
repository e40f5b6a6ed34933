package io.jbuild.oci.layout;

import io.jbuild.oci.OciException;

/** An image layout or archive that is malformed, or a reference that it cannot satisfy. */
public class InvalidLayoutException extends OciException {
  private static final long serialVersionUID = 1L;

  public InvalidLayoutException(String message) {
    super(message);
  }

  public InvalidLayoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
