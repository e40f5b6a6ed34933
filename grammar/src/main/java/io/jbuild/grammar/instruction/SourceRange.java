package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * Where an instruction is written.
 *
 * @param file      the Dockerfile name as given to the parser
 * @param startLine 1-based first line
 * @param endLine   1-based last line (continuations and heredoc bodies included)
 * @param column    1-based column of the keyword
 */
public record SourceRange(String file, int startLine, int endLine, int column) {
  /** A range for instructions that were not read from a file (generated, or compared without location). */
  public static final SourceRange NONE = new SourceRange("", 0, 0, 0);

  /** Checks that the file is not null. */
  public SourceRange {
    Objects.requireNonNull(file, "file");
  }

  /** @return {@code file:line:column}, the prefix of error messages */
  @Override
  public String toString() {
    return file + ":" + startLine + ":" + column;
  }
}
