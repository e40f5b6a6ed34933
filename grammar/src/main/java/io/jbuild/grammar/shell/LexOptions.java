package io.jbuild.grammar.shell;

/**
 * The switches of BuildKit's {@code shell.Lex}, all {@code false} in {@link #DEFAULTS}.
 *
 * @param rawQuotes keep quote characters in the result (their content is still treated as
 *     quoted: no splitting, no escape processing inside single quotes)
 * @param rawEscapes keep escape characters in the result (the escaped character is still taken
 *     literally). Inside the word of {@code ${x-word}}, {@code ${x+word}} and
 *     {@code ${x?word}} escapes are always processed, as BuildKit does.
 * @param skipProcessQuotes treat {@code '} and {@code "} as ordinary characters
 * @param skipUnsetEnv leave references to unset variables in the result as written
 *     ({@code $name}, {@code ${name}}, {@code ${name<op>word}}) instead of expanding them, so
 *     that a later pass can expand them
 */
public record LexOptions(boolean rawQuotes, boolean rawEscapes, boolean skipProcessQuotes,
    boolean skipUnsetEnv) {

  /** Every option off: quotes and escapes are processed, unset variables expand to "". */
  public static final LexOptions DEFAULTS = new LexOptions(false, false, false, false);

  /** Returns a copy with {@code rawQuotes} set to {@code value}. */
  public LexOptions withRawQuotes(boolean value) {
    return new LexOptions(value, rawEscapes, skipProcessQuotes, skipUnsetEnv);
  }

  /** Returns a copy with {@code rawEscapes} set to {@code value}. */
  public LexOptions withRawEscapes(boolean value) {
    return new LexOptions(rawQuotes, value, skipProcessQuotes, skipUnsetEnv);
  }

  /** Returns a copy with {@code skipProcessQuotes} set to {@code value}. */
  public LexOptions withSkipProcessQuotes(boolean value) {
    return new LexOptions(rawQuotes, rawEscapes, value, skipUnsetEnv);
  }

  /** Returns a copy with {@code skipUnsetEnv} set to {@code value}. */
  public LexOptions withSkipUnsetEnv(boolean value) {
    return new LexOptions(rawQuotes, rawEscapes, skipProcessQuotes, value);
  }
}
