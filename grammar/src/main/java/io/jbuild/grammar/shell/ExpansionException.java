package io.jbuild.grammar.shell;

import java.util.Objects;

/**
 * A word could not be expanded: a syntax error ({@code ${}}, unterminated quotes, an
 * unsupported operator such as {@code ${x:=w}}), an invalid pattern, or a {@code ${x?message}}
 * whose variable is unset. Checked, because it is a user error the caller must report with the
 * instruction's location.
 *
 * <p>The message is {@code processing "<word>": <reason>}; {@link #reason()} alone is the part
 * after the colon, e.g. {@code VAR: is not allowed to be unset}.
 */
public final class ExpansionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String word;
  private final String reason;

  /** Creates the exception for {@code word}, failing because of {@code reason}. */
  public ExpansionException(String word, String reason) {
    super("processing \"" + word + "\": " + reason);
    this.word = Objects.requireNonNull(word, "word");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The word as given to the lexer. */
  public String word() {
    return word;
  }

  /** Why it failed, without the word. */
  public String reason() {
    return reason;
  }
}
