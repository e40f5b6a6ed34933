package io.jbuild.grammar.syntax;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;

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

  /**
   * Makes {@code lexer} and {@code parser} (which reads the lexer's tokens) abort with {@link Abort}
   * on the first error instead of printing and recovering, and parse in fast SLL mode.
   *
   * @return {@code parser}
   */
  static <P extends Parser> P aborting(Lexer lexer, P parser) {
    lexer.removeErrorListeners();
    lexer.addErrorListener(INSTANCE);
    parser.removeErrorListeners();
    parser.addErrorListener(INSTANCE);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    return parser;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg, RecognitionException e) {
    throw new Abort(msg);
  }
}
