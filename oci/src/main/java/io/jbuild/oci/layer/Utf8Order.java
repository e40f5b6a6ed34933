package io.jbuild.oci.layer;

import java.util.Comparator;

/**
 * The unsigned byte order of strings' UTF-8 encodings, computed on the strings themselves
 * without encoding them (sorting 100,000 paths compares millions of times). UTF-8 byte order is
 * code point order; UTF-16 {@code char} order differs from it only where a surrogate meets a
 * {@code char} at or above U+E000, which is handled by comparing code points there. Strings are
 * expected to be valid UTF-16 (file names decoded by the JDK are).
 */
public final class Utf8Order {
  /** Compares whole strings. */
  public static final Comparator<String> ORDER = Utf8Order::compare;

  private Utf8Order() {}

  /** Compares {@code a} and {@code b} as their UTF-8 bytes, unsigned. */
  public static int compare(String a, String b) {
    return compare(a, 0, a.length(), b, 0, b.length());
  }

  /** Compares the regions {@code a[fromA, toA)} and {@code b[fromB, toB)} as their UTF-8 bytes. */
  public static int compare(String a, int fromA, int toA, String b, int fromB, int toB) {
    int n = Math.min(toA - fromA, toB - fromB);
    for (int i = 0; i < n; i++) {
      char x = a.charAt(fromA + i);
      char y = b.charAt(fromB + i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(codePoint(x), codePoint(y));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(toA - fromA, toB - fromB);
  }

  /**
   * A value ordering the first differing chars as their code points would: a high surrogate starts
   * a supplementary code point (above every BMP char); a low surrogate can only differ from the
   * other string's low surrogate (their high surrogates were equal), where char order is right.
   */
  private static int codePoint(char c) {
    return Character.isHighSurrogate(c) ? 0x10000 + c : c;
  }
}
