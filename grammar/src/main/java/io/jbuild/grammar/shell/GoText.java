package io.jbuild.grammar.shell;

/** Text helpers with Go's definitions, so that expansion splits and reverses as BuildKit does. */
final class GoText {

  private GoText() {}

  /**
   * Go's {@code unicode.IsSpace}: tab, LF, VT, FF, CR, space, U+0085, U+00A0 and the other
   * Unicode White_Space code points.
   */
  static boolean isSpace(int cp) {
    if (cp <= 0xFF) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
    }
    return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
        || cp == 0x202F || cp == 0x205F || cp == 0x3000;
  }

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
