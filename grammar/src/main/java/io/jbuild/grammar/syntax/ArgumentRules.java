package io.jbuild.grammar.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How BuildKit's parser splits the arguments of each instruction kind (its {@code dispatch} table of
 * line parsers). Every method gets the trimmed rest of the line after keyword and flags.
 */
final class ArgumentRules {
  /** Arguments plus whether they came from JSON. */
  record Args(List<String> values, boolean json) {
    static final Args NONE = new Args(List.of(), false);
  }

  private ArgumentRules() {}

  /** FROM, EXPOSE: words separated by {@code [ \t\v\f\r]+}. */
  static Args whitespaceWords(String rest) {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    return new Args(Arrays.asList(rest.split("[\\t\\u000B\\f\\r ]+", -1)), false);
  }

  /** USER, WORKDIR, MAINTAINER, STOPSIGNAL: the whole rest as one argument. */
  static Args whole(String rest) {
    return rest.isEmpty() ? Args.NONE : new Args(List.of(rest), false);
  }

  /** RUN, CMD, ENTRYPOINT, SHELL: a JSON array of strings, else the whole rest (shell form). */
  static Args maybeJson(String rest) {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    List<String> json = JsonArrays.parse(rest);
    return json != null ? new Args(json, true) : new Args(List.of(rest), false);
  }

  /** ADD, COPY, VOLUME: a JSON array of strings, else whitespace-separated words. */
  static Args maybeJsonList(String rest) {
    List<String> json = JsonArrays.parse(rest);
    return json != null ? new Args(json, true) : whitespaceWords(rest);
  }

  /** ARG: one word per declaration, quotes kept. */
  static Args words(String rest, char escape) {
    return new Args(parseWords(rest, escape), false);
  }

  /** ENV, LABEL: {@code key value sep} triples, legacy {@code KEY value} or {@code k=v ...}. */
  static Args nameValue(String rest, String keyword, char escape) {
    List<String> words = parseWords(rest, escape);
    if (words.isEmpty()) {
      return Args.NONE;
    }
    List<String> out = new ArrayList<>();
    if (!words.get(0).contains("=")) {
      String[] parts = rest.split("[\\t\\u000B\\f\\r ]+", 2);
      if (parts.length < 2) {
        throw new LineError(keyword + " must have two arguments");
      }
      out.add(parts[0]);
      out.add(parts[1]);
      out.add("");
      return new Args(out, false);
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new LineError("Syntax error - can't find = in " + GoQuote.quote(word) + ". Must be of the form: name=value");
      }
      out.add(word.substring(0, eq));
      out.add(word.substring(eq + 1));
      out.add("=");
    }
    return new Args(out, false);
  }

  /** HEALTHCHECK: the type word, then the rest as for CMD. */
  static Args healthcheck(String rest) {
    int sep = 0;
    while (sep < rest.length() && !isByteSpace(rest.charAt(sep))) {
      sep++;
    }
    int next = sep;
    while (next < rest.length() && isByteSpace(rest.charAt(next))) {
      next++;
    }
    if (sep == 0) {
      return Args.NONE;
    }
    Args cmd = maybeJson(rest.substring(next));
    List<String> out = new ArrayList<>();
    out.add(rest.substring(0, sep));
    out.addAll(cmd.values());
    return new Args(out, cmd.json());
  }

  private static boolean isByteSpace(char c) {
    return GoText.isAsciiBlank(c) || c == '\n' || c == 0x85 || c == 0xA0;
  }

  /**
   * BuildKit's {@code parseWords}: split on unquoted white space, keeping quotes and escapes in the
   * words; inside single quotes the escape character is literal; an escape character at the very end
   * is dropped.
   */
  static List<String> parseWords(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean inQuote = false;
    boolean blankOk = false;
    int quote = 0;
    int[] cps = rest.codePoints().toArray();
    for (int pos = 0; pos <= cps.length; pos++) {
      boolean end = pos == cps.length;
      int ch = end ? 0 : cps[pos];
      if (!inWord && !inQuote) {
        if (end) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        inWord = true;
      }
      if (end) {
        if (blankOk || word.length() > 0) {
          words.add(word.toString());
        }
        break;
      }
      if (!inQuote) {
        if (GoText.isSpace(ch)) {
          inWord = false;
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          inQuote = true;
        }
        if (ch == escape) {
          if (pos + 1 == cps.length) {
            continue;
          }
          word.appendCodePoint(ch);
          ch = cps[++pos];
        }
        word.appendCodePoint(ch);
        continue;
      }
      if (ch == quote) {
        inQuote = false;
      }
      if (ch == escape && quote != '\'') {
        if (pos + 1 == cps.length) {
          inQuote = false;
          continue;
        }
        word.appendCodePoint(ch);
        ch = cps[++pos];
      }
      word.appendCodePoint(ch);
    }
    return words;
  }
}
