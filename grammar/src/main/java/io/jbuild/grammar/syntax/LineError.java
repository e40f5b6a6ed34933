package io.jbuild.grammar.syntax;

/**
 * A syntax error inside one line or instruction, without its location; {@link SyntaxParser} adds the
 * file and line and turns it into a {@link io.jbuild.grammar.DockerfileSyntaxException}.
 */
public final class LineError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param reason what is wrong */
  public LineError(String reason) {
    super(reason, null, false, false);
  }
}
