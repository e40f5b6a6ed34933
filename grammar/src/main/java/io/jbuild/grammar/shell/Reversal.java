package io.jbuild.grammar.shell;

/**
 * Reversal by code point, as BuildKit reverses values and patterns to match suffixes
 * ({@code ${var%pattern}}, {@code ${var%%pattern}}).
 */
final class Reversal {

  private Reversal() {}

  /** Reverses a string code point by code point (surrogate pairs stay intact). */
  static String reverse(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = cps.length - 1; i >= 0; i--) {
      out.appendCodePoint(cps[i]);
    }
    return out.toString();
  }

  /**
   * Reverses a shell pattern code point by code point but keeps each backslash pair in order
   * ({@code a\*c} becomes {@code c\*a}); a lone trailing backslash is an ordinary character.
   */
  static String reversePattern(String pattern) {
    int[] cps = pattern.codePoints().toArray();
    int[] out = new int[cps.length];
    int last = cps.length - 1;
    for (int i = 0; i <= last; ) {
      int at = last - i;
      if (cps[i] == '\\' && i != last) {
        out[at - 1] = '\\';
        out[at] = cps[i + 1];
        i += 2;
      } else {
        out[at] = cps[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }
}
