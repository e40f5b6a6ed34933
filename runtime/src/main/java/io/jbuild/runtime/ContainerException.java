package io.jbuild.runtime;

/**
 * A step could not be run (as opposed to a step that ran and exited non-zero). The message is a
 * lower-case context chain, e.g. {@code running container jb-1a2b: runc: exec format error}.
 */
public class ContainerException extends Exception {
  public ContainerException(String message) {
    super(message);
  }

  public ContainerException(String message, Throwable cause) {
    super(message + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
  }
}
