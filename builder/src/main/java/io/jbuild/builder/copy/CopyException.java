package io.jbuild.builder.copy;

/**
 * A COPY or ADD cannot be carried out. {@link #getMessage()} is the one-line user error
 * {@code <location>: <detail>}, e.g. {@code Dockerfile:7: COPY failed: no source files were specified}.
 */
public class CopyException extends Exception {
  private final String location;
  private final String detail;

  /**
   * @param location the instruction's source location as given by the caller (may be empty)
   * @param detail what went wrong, a lower-case context chain
   */
  public CopyException(String location, String detail) {
    this(location, detail, null);
  }

  /** As {@link #CopyException(String, String)}, keeping the cause for {@code --debug}. */
  public CopyException(String location, String detail, Throwable cause) {
    super(location == null || location.isEmpty() ? detail : location + ": " + detail, cause);
    this.location = location == null ? "" : location;
    this.detail = detail;
  }

  /** The instruction's location, e.g. {@code Dockerfile:7}. */
  public String location() {
    return location;
  }

  /** The message without the location. */
  public String detail() {
    return detail;
  }
}
