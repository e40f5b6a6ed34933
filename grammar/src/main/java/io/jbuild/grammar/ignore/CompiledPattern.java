package io.jbuild.grammar.ignore;

/**
 * One normalised pattern with the match strategy moby/patternmatcher picks for it: a plain
 * pattern is compared as a string ({@code EXACT}), {@code x**} is a prefix test, {@code **x}
 * (with no other wildcard) a suffix test, and anything else runs a {@link GlobProgram}.
 * Immutable and thread-safe.
 */
final class CompiledPattern {

  enum Kind { EXACT, PREFIX, SUFFIX, PROGRAM }

  private final String text;
  private final boolean exception;
  private final Kind kind;
  private final String literal;
  private final GlobProgram program;

  CompiledPattern(String text, boolean exception, Kind kind, GlobProgram program) {
    this.text = text;
    this.exception = exception;
    this.kind = kind;
    this.program = program;
    this.literal = switch (kind) {
      case EXACT, PROGRAM -> text;
      case PREFIX -> text.substring(0, text.length() - 2);
      case SUFFIX -> text.substring(2);
    };
  }

  /** The cleaned pattern, without its {@code !}. */
  String text() {
    return text;
  }

  boolean isException() {
    return exception;
  }

  Kind kind() {
    return kind;
  }

  /** Whether the pattern matches {@code path} itself. */
  boolean matchesSelf(String path) {
    return switch (kind) {
      case EXACT -> path.equals(literal);
      case PREFIX -> path.startsWith(literal);
      case SUFFIX -> path.endsWith(literal)
          || (!literal.isEmpty() && literal.charAt(0) == '/'
              && path.length() == literal.length() - 1
              && path.regionMatches(0, literal, 1, path.length()));
      case PROGRAM -> program.matches(path);
    };
  }

  /**
   * Whether the pattern matches {@code path} or one of its parent directories, as
   * {@code MatchesOrParentMatches} evaluates one pattern: the parents are the elements of
   * {@code filepath.Dir(path)}, joined one by one.
   */
  boolean matchesSelfOrParent(String path) {
    if (GoPath.isCleanRelative(path)) {
      return matchesCleanSelfOrParent(path);
    }
    if (matchesSelf(path)) {
      return true;
    }
    String parent = GoPath.dir(path);
    if (parent.equals(".")) {
      return false;
    }
    StringBuilder prefix = new StringBuilder();
    int i = 0;
    while (true) {
      int slash = parent.indexOf('/', i);
      int end = slash < 0 ? parent.length() : slash;
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(parent, i, end);
      if (matchesSelf(prefix.toString())) {
        return true;
      }
      if (slash < 0) {
        return false;
      }
      i = slash + 1;
    }
  }

  private boolean matchesCleanSelfOrParent(String path) {
    switch (kind) {
      case EXACT:
        return path.startsWith(literal)
            && (path.length() == literal.length() || path.charAt(literal.length()) == '/');
      case PREFIX:
        return path.startsWith(literal); // a parent starting with it implies the path does
      case SUFFIX:
        if (matchesSelf(path)) {
          return true;
        }
        for (int j = path.indexOf('/'); j >= 0; j = path.indexOf('/', j + 1)) {
          if (suffixMatchesPrefix(path, j)) {
            return true;
          }
        }
        return false;
      default:
        return program.matchesSelfOrAncestor(path);
    }
  }

  /** The suffix test applied to {@code path.substring(0, len)}. */
  private boolean suffixMatchesPrefix(String path, int len) {
    int n = literal.length();
    if (len >= n && path.regionMatches(len - n, literal, 0, n)) {
      return true;
    }
    return n > 0 && literal.charAt(0) == '/' && len == n - 1
        && path.regionMatches(0, literal, 1, len);
  }

  /**
   * Whether the pattern might match some path strictly below {@code dir} (a clean relative
   * path); conservative: true when unsure.
   */
  boolean mayMatchBelow(String dir) {
    String dirSlash = dir + "/";
    return switch (kind) {
      case EXACT -> literal.startsWith(dirSlash);
      case PREFIX -> dirSlash.startsWith(literal) || literal.startsWith(dirSlash);
      case SUFFIX -> true;
      case PROGRAM -> program.mayMatchExtensionOf(dirSlash);
    };
  }

  @Override
  public String toString() {
    return (exception ? "!" : "") + text;
  }
}
