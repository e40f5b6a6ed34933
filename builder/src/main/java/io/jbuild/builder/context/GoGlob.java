package io.jbuild.builder.context;

/**
 * Go's {@code path/filepath.Match} on {@code /}-separated names: {@code *} any run of
 * non-{@code /} characters, {@code ?} one non-{@code /} character, {@code [...]} a character
 * class ({@code ^} negates, {@code a-z} ranges), {@code \} escapes the next character.
 * Matching is per Unicode code point. A malformed pattern is an error even when a prefix
 * already failed to match, as in Go.
 */
public final class GoGlob {
  private GoGlob() {}

  /** Whether a path component (or pattern) contains an unescaped {@code *}, {@code ?} or {@code [}. */
  public static boolean hasMeta(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches {@code name} against {@code pattern}.
   *
   * @throws IllegalArgumentException {@code syntax error in pattern} for a malformed pattern
   */
  public static boolean match(String pattern, String name) {
    validate(pattern);
    return match(pattern.codePoints().toArray(), 0, name.codePoints().toArray(), 0);
  }

  /** Throws {@link IllegalArgumentException} if {@code pattern} is malformed. */
  public static void validate(String pattern) {
    int[] p = pattern.codePoints().toArray();
    for (int i = 0; i < p.length; i++) {
      if (p[i] == '\\') {
        if (++i >= p.length) {
          throw bad(pattern);
        }
      } else if (p[i] == '[') {
        int end = classEnd(p, i);
        if (end < 0) {
          throw bad(pattern);
        }
        i = end;
      }
    }
  }

  private static IllegalArgumentException bad(String pattern) {
    return new IllegalArgumentException("syntax error in pattern \"" + pattern + "\"");
  }

  /** Index of the closing {@code ]} of the class opening at {@code i}, or -1 if malformed. */
  private static int classEnd(int[] p, int i) {
    int j = i + 1;
    if (j < p.length && p[j] == '^') {
      j++;
    }
    boolean first = true;
    while (j < p.length) {
      if (p[j] == ']' && !first) {
        return j;
      }
      // one character or range; Go refuses an unescaped '-' or a leading ']' here
      int lo = p[j];
      if (lo == '\\') {
        if (++j >= p.length) {
          return -1;
        }
      } else if (lo == '-' || lo == ']') {
        return -1;
      }
      j++;
      if (j < p.length && p[j] == '-') {
        j++;
        if (j >= p.length) {
          return -1;
        }
        if (p[j] == '\\') {
          if (++j >= p.length) {
            return -1;
          }
        } else if (p[j] == ']' || p[j] == '-') {
          return -1;
        }
        j++;
      }
      first = false;
    }
    return -1;
  }

  private static boolean match(int[] p, int pi, int[] s, int si) {
    while (pi < p.length) {
      int c = p[pi];
      if (c == '*') {
        while (pi < p.length && p[pi] == '*') {
          pi++;
        }
        if (pi == p.length) {
          for (int k = si; k < s.length; k++) {
            if (s[k] == '/') {
              return false;
            }
          }
          return true;
        }
        for (int k = si; k <= s.length; k++) {
          if (match(p, pi, s, k)) {
            return true;
          }
          if (k < s.length && s[k] == '/') {
            return false;
          }
        }
        return false;
      }
      if (si >= s.length) {
        return false;
      }
      if (c == '?') {
        if (s[si] == '/') {
          return false;
        }
        pi++;
        si++;
      } else if (c == '[') {
        int end = classEnd(p, pi);
        if (s[si] == '/' || !inClass(p, pi + 1, end, s[si])) {
          return false;
        }
        pi = end + 1;
        si++;
      } else {
        if (c == '\\') {
          c = p[++pi];
        }
        if (c != s[si]) {
          return false;
        }
        pi++;
        si++;
      }
    }
    return si == s.length;
  }

  private static boolean inClass(int[] p, int from, int end, int ch) {
    boolean negate = from < end && p[from] == '^';
    int j = negate ? from + 1 : from;
    boolean found = false;
    while (j < end) {
      int lo = p[j];
      if (lo == '\\') {
        lo = p[++j];
      }
      j++;
      int hi = lo;
      if (j < end && p[j] == '-') {
        j++;
        hi = p[j];
        if (hi == '\\') {
          hi = p[++j];
        }
        j++;
      }
      if (lo <= ch && ch <= hi) {
        found = true;
      }
    }
    return found != negate;
  }
}
