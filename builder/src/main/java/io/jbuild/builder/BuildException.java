package io.jbuild.builder;

/**
 * A build or input error the user can act on: its message is one lower-case context chain, prefixed
 * by the Dockerfile location ({@code Dockerfile:7:1}) when there is one. The CLI prints
 * {@code jbuild: <message>} and exits 1; the stack trace is only shown with {@code --debug}.
 */
public class BuildException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String location;

  public BuildException(String message) {
    this(null, message, null);
  }

  public BuildException(String message, Throwable cause) {
    this(null, message, cause);
  }

  /** An error at {@code location} (null when there is none), without a cause. */
  public BuildException(String location, String message) {
    this(location, message, null);
  }

  /** An error at {@code location} (e.g. {@code Dockerfile:7:1}; null when there is none). */
  public BuildException(String location, String message, Throwable cause) {
    super(location == null ? message : location + ": " + message, cause);
    this.location = location;
  }

  /** The Dockerfile location ({@code file:line:col}) or null. */
  public String location() {
    return location;
  }
}
