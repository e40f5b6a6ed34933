package io.jbuild.oci.json;

import io.jbuild.oci.OciException;

/**
 * A JSON document (manifest, index, config, layout file) that cannot be read as the expected type.
 * The message names the document kind and what is wrong, e.g.
 * {@code invalid image manifest: layers[0].digest: invalid digest: sha256:zz}.
 */
public class InvalidJsonException extends OciException {
  private static final long serialVersionUID = 1L;

  public InvalidJsonException(String message, Throwable cause) {
    super(message, cause);
  }

  public InvalidJsonException(String message) {
    super(message);
  }
}
