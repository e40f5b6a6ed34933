package io.jbuild.oci.layer;

import java.io.IOException;

/**
 * A layer that cannot be written, read or applied, with the entry at fault. The message is a lower-case context
 * chain such as {@code applying layer sha256:ab12…: entry "../x": path escapes the root}.
 */
public class LayerException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String entry;

  public LayerException(String message, String entry, Throwable cause) {
    super(message, cause);
    this.entry = entry;
  }

  /** The tar name of the entry at fault, or {@code ""} if the failure concerns the whole layer. */
  public String entry() {
    return entry;
  }
}
