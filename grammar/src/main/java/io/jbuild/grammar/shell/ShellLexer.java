package io.jbuild.grammar.shell;

import java.util.List;
import java.util.Objects;

/**
 * Expands Dockerfile words the way BuildKit's {@code shell.Lex} does.
 *
 * <ul>
 *   <li>{@code $name}, {@code ${name}}: the value, or "" when unset. Names are letters, digits
 *       and {@code _}; {@code $1}, {@code $999} (positional) and {@code $@ $* $# $? $- $$ $! $0}
 *       (special) are never set. A {@code $} not followed by a name stays {@code $}.
 *   <li>{@code ${x-w}} / {@code ${x:-w}}: w if x is unset / unset or empty; {@code ${x+w}} /
 *       {@code ${x:+w}}: w if x is set / set and non-empty; {@code ${x?w}} / {@code ${x:?w}}:
 *       fail with {@code x: w} if x is unset / unset or empty. The word w is expanded first.
 *   <li>{@code ${x#p}} {@code ${x##p}}: remove the shortest / longest prefix matching p;
 *       {@code ${x%p}} {@code ${x%%p}}: the same for suffixes; {@code ${x/p/r}} {@code ${x//p/r}}:
 *       replace the leftmost / every match of p by r. In p, {@code *} and {@code ?} are
 *       wildcards; there are no bracket expressions.
 *   <li>{@code ${x=w}}, {@code ${x:=w}}, {@code ${x:#p}} and other operators are errors, as are
 *       {@code ${}}, {@code ${:}} and unterminated braces or quotes.
 *   <li>Single quotes keep everything literally; double quotes keep everything but {@code $}
 *       expansions and the escapes of {@code "}, {@code $} and the escape character. Outside
 *       quotes the escape character takes the next character literally (a trailing one is
 *       dropped).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">Dockerfile
 *     reference: environment replacement</a>
 */
public final class ShellLexer {

  /** The default escape character. */
  public static final char BACKSLASH = '\\';
  /** The escape character chosen by {@code # escape=`}. */
  public static final char BACKTICK = '`';

  private final char escape;
  private final LexOptions options;

  /** A lexer with escape character {@code escape} and {@link LexOptions#DEFAULTS}. */
  public ShellLexer(char escape) {
    this(escape, LexOptions.DEFAULTS);
  }

  /**
   * A lexer with escape character {@code escape} ({@link #BACKSLASH} or {@link #BACKTICK}) and
   * the given options.
   *
   * @throws IllegalArgumentException for any other escape character
   */
  public ShellLexer(char escape, LexOptions options) {
    if (escape != BACKSLASH && escape != BACKTICK) {
      throw new IllegalArgumentException(
          "invalid escape character '" + escape + "': must be \\ or `");
    }
    this.escape = escape;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The escape character. */
  public char escape() {
    return escape;
  }

  /** The options. */
  public LexOptions options() {
    return options;
  }

  /** A lexer with the same escape character and other options. */
  public ShellLexer withOptions(LexOptions newOptions) {
    return new ShellLexer(escape, newOptions);
  }

  /** Expands {@code word} into one string: quotes removed, nothing split. */
  public String processWord(String word, Environment env) throws ExpansionException {
    return processWordWithMatches(word, env).result();
  }

  /**
   * Expands {@code word} and splits the result into words at unquoted white space (typed or
   * coming from an unquoted expansion). Never returns empty words.
   */
  public List<String> processWords(String word, Environment env) throws ExpansionException {
    return processWordWithMatches(word, env).words();
  }

  /** Expands {@code word} and reports which names were found and which were not. */
  public Expansion processWordWithMatches(String word, Environment env)
      throws ExpansionException {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(env, "env");
    return new WordProcessor(word, escape, options, env).run();
  }

  @Override
  public String toString() {
    return "ShellLexer[escape=" + escape + ", " + options + "]";
  }
}
