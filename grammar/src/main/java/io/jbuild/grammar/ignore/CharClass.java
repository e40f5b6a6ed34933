package io.jbuild.grammar.ignore;

import java.util.ArrayList;
import java.util.List;

/**
 * A bracket expression of Go's {@code filepath.Match}: {@code [abc]}, {@code [a-z]},
 * {@code [^a-z]}; a backslash takes the next character literally. Matches one code point
 * (including {@code /}).
 */
final class CharClass {

  private final boolean negated;
  private final int[] ranges; // lo0, hi0, lo1, hi1, ...

  private CharClass(boolean negated, int[] ranges) {
    this.negated = negated;
    this.ranges = ranges;
  }

  boolean matches(int cp) {
    boolean in = false;
    for (int i = 0; i < ranges.length; i += 2) {
      if (ranges[i] <= cp && cp <= ranges[i + 1]) {
        in = true;
        break;
      }
    }
    return in != negated;
  }

  /** A parsed class and the index just after its closing bracket. */
  record Parsed(CharClass charClass, int end) {}

  /** Signals a malformed class. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message);
    }
  }

  /**
   * Parses the class whose {@code [} is at {@code open} in {@code cps}, with
   * {@code filepath.Match}'s rules (at least one range; {@code -} and {@code ]} must be escaped
   * where they would be ambiguous) plus one of Go's regexp rules: a reversed range such as
   * {@code l-O} is an error.
   */
  static Parsed parse(int[] cps, int open) throws SyntaxError {
    int i = open + 1;
    boolean negated = false;
    if (i < cps.length && cps[i] == '^') {
      negated = true;
      i++;
    }
    List<Integer> ranges = new ArrayList<>();
    while (true) {
      if (i < cps.length && cps[i] == ']' && !ranges.isEmpty()) {
        i++;
        break;
      }
      int[] lo = escaped(cps, i);
      i = lo[1];
      int hi = lo[0];
      if (cps[i] == '-') {
        int[] h = escaped(cps, i + 1);
        hi = h[0];
        i = h[1];
      }
      if (hi < lo[0]) {
        throw new SyntaxError("invalid character class range "
            + new String(Character.toChars(lo[0])) + "-" + new String(Character.toChars(hi)));
      }
      ranges.add(lo[0]);
      ranges.add(hi);
    }
    return new Parsed(new CharClass(negated,
        ranges.stream().mapToInt(Integer::intValue).toArray()), i);
  }

  /** Go's getEsc: one possibly escaped class character at i; returns {char, next index}. */
  private static int[] escaped(int[] cps, int i) throws SyntaxError {
    if (i >= cps.length) {
      throw new SyntaxError("unterminated character class");
    }
    if (cps[i] == '-' || cps[i] == ']') {
      throw new SyntaxError("'" + (char) cps[i] + "' must be escaped in a character class");
    }
    if (cps[i] == '\\') {
      i++;
      if (i >= cps.length) {
        throw new SyntaxError("unterminated character class");
      }
    }
    int c = cps[i++];
    if (i >= cps.length) {
      throw new SyntaxError("unterminated character class");
    }
    return new int[] {c, i};
  }
}
