package io.jbuild.builder.context;

/**
 * A build context or source tree could not be read, or a path in it would escape its root.
 * The message is a lower-case context chain suitable for a one-line user error.
 */
public class ContextException extends Exception {
  /** @param message what went wrong, with context (e.g. {@code copy source "../x" is outside the build context}) */
  public ContextException(String message) {
    super(message);
  }

  /** @param message what went wrong, with context; {@code cause} is kept for {@code --debug} */
  public ContextException(String message, Throwable cause) {
    super(message, cause);
  }
}
