package io.jbuild.grammar.syntax;

/** Go's notion of white space ({@code unicode.IsSpace}) and the trims BuildKit builds on it. */
public final class GoText {
  private GoText() {}

  /** @return whether Go's {@code unicode.IsSpace} holds for the code point */
  public static boolean isSpace(int cp) {
    switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true;
      default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
  }

  /** @return whether the character is one of BuildKit's {@code reWhitespace} {@code [\t\v\f\r ]} */
  public static boolean isAsciiBlank(char c) {
    return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Go {@code strings.TrimLeftFunc(s, unicode.IsSpace)}. */
  public static String trimLeft(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  /** Go {@code strings.TrimRightFunc(s, unicode.IsSpace)}. */
  public static String trimRight(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Go {@code strings.TrimSpace}. */
  public static String trim(String s) {
    return trimRight(trimLeft(s));
  }

  /** Removes every trailing {@code \r} and {@code \n} (BuildKit's {@code trimNewline}). */
  public static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** @return whether the line is a comment: first non-space character is {@code #} */
  public static boolean isComment(String line) {
    String t = trimLeft(trimNewline(line));
    return !t.isEmpty() && t.charAt(0) == '#';
  }
}
