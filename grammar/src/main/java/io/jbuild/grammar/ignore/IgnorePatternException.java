package io.jbuild.grammar.ignore;

import java.util.Objects;

/**
 * A {@code .dockerignore} pattern is malformed: a lone {@code !}, a trailing backslash, a
 * malformed or reversed character class. The message reads
 * {@code invalid .dockerignore pattern "<pattern>": <reason>}.
 */
public final class IgnorePatternException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String pattern;
  private final String reason;

  /** Creates the exception for {@code pattern} (as given), rejected because of {@code reason}. */
  public IgnorePatternException(String pattern, String reason) {
    super("invalid .dockerignore pattern \"" + pattern + "\": " + reason);
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The pattern as it was given to {@link PatternMatcher#compile}. */
  public String pattern() {
    return pattern;
  }

  /** Why it was rejected. */
  public String reason() {
    return reason;
  }
}
