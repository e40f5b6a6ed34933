package io.jbuild.grammar.syntax;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** An ANTLR error listener that aborts instead of printing to the console. */
final class AntlrErrors extends BaseErrorListener {
  static final AntlrErrors INSTANCE = new AntlrErrors();

  /** Thrown out of ANTLR on the first lexing or parsing error. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort(String message) {
      super(message, null, false, false);
    }
  }

  private AntlrErrors() {}

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg, RecognitionException e) {
    throw new Abort(msg);
  }
}
