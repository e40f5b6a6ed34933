package io.jbuild.grammar;

/**
 * A Dockerfile that BuildKit would reject. Carries the file name, the 1-based line and column of the
 * offending instruction, and a lower-level reason; {@link #getMessage()} reads
 * {@code Dockerfile:7:1: unknown instruction: RUNN}.
 */
public final class DockerfileSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * @param file   the Dockerfile name as given to the parser
   * @param line   1-based line of the instruction (or of the offending line)
   * @param column 1-based column
   * @param reason what is wrong, without the location prefix
   */
  public DockerfileSyntaxException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** @return the Dockerfile name as given to the parser */
  public String file() {
    return file;
  }

  /** @return the 1-based line */
  public int line() {
    return line;
  }

  /** @return the 1-based column */
  public int column() {
    return column;
  }

  /** @return the reason without the location prefix */
  public String reason() {
    return reason;
  }
}
