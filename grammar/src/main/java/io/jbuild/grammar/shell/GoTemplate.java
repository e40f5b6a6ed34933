package io.jbuild.grammar.shell;

/**
 * The replacement-template rules Go's {@code Regexp.ReplaceAllString} applies, which BuildKit
 * uses for {@code ${x//pattern/replacement}}. Shell patterns have no capture groups, so only
 * group 0 exists: {@code $0} and {@code ${0}} insert the whole match, {@code $$} inserts
 * {@code $}, any other well-formed reference ({@code $name}, {@code ${1}}) inserts nothing, and a
 * malformed one leaves its {@code $} as text. Single replacements ({@code ${x/p/r}}) do not use
 * a template.
 */
final class GoTemplate {

  private GoTemplate() {}

  /** Appends {@code template}, expanded against {@code match}, to {@code out}. */
  static void expand(String template, String match, StringBuilder out) {
    int i = 0;
    int n = template.length();
    while (i < n) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      int end = referenceEnd(template, i);
      if (end < 0) {
        out.append('$');
        continue;
      }
      boolean brace = template.charAt(i) == '{';
      String name = template.substring(brace ? i + 1 : i, brace ? end - 1 : end);
      if (name.equals("0")) {
        out.append(match);
      }
      i = end;
    }
    out.append(template, i, n);
  }

  /** The end of a well-formed {@code name} or {@code {name}} reference starting at i, or -1. */
  private static int referenceEnd(String t, int i) {
    int n = t.length();
    if (i >= n) {
      return -1;
    }
    boolean brace = t.charAt(i) == '{';
    int j = brace ? i + 1 : i;
    int start = j;
    while (j < n) {
      int cp = t.codePointAt(j);
      if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
        break;
      }
      j += Character.charCount(cp);
    }
    if (j == start) {
      return -1;
    }
    if (brace) {
      if (j >= n || t.charAt(j) != '}') {
        return -1;
      }
      j++;
    }
    return j;
  }
}
