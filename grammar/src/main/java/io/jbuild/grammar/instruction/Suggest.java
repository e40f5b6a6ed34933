package io.jbuild.grammar.instruction;

import java.util.Collection;
import java.util.Locale;

/** "did you mean" hints for misspelt keywords and flags (edit distance at most 2). */
final class Suggest {
  private Suggest() {}

  /** @return {@code " (did you mean X?)"} or {@code ""} */
  static String didYouMean(String value, Collection<String> options, boolean caseSensitive) {
    String v = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String o : options) {
      String c = caseSensitive ? o : o.toLowerCase(Locale.ROOT);
      int d = distance(v, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = o;
      }
    }
    if (best == null || bestDistance == 0 || bestDistance > 2 || bestDistance >= v.length()) {
      return "";
    }
    return " (did you mean " + best + "?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
