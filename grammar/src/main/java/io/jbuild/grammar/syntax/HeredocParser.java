package io.jbuild.grammar.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds heredoc words ({@code <<EOF}, {@code <<-'EOF'}, {@code 3<<EOF}) as BuildKit does: a line is
 * split into words keeping quotes and escapes, and each word that matches {@code
 * ^(\d*)<<(-?)\s*([^<]*)$} and whose rest is a single shell word is a heredoc. The name has its
 * quotes removed; the body is expanded only when no part of the word was quoted.
 */
public final class HeredocParser {
  private static final Pattern HEREDOC = Pattern.compile("^([0-9]*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)\\z");

  private HeredocParser() {}

  /**
   * Parses one word.
   *
   * @param word a word such as {@code <<-'EOF'}
   * @return the heredoc (with an empty body), or null when the word is not a heredoc
   * @throws LineError when the word looks like a heredoc but its quotes do not balance
   */
  public static Heredoc parseWord(String word) {
    Matcher m = HEREDOC.matcher(word);
    if (!m.matches()) {
      return null;
    }
    long fd = 0;
    if (!m.group(1).isEmpty()) {
      try {
        fd = Long.parseUnsignedLong(m.group(1));
      } catch (NumberFormatException e) {
        fd = 0;
      }
    }
    boolean chomp = m.group(2).equals("-");
    String rest = m.group(3);
    if (rest.isEmpty()) {
      return null;
    }
    List<String> words;
    List<String> raw;
    try {
      words = HeredocWords.split(rest, false, false);
      if (words.size() != 1) {
        return null;
      }
      raw = HeredocWords.split(rest, true, false);
    } catch (StackOverflowError e) {
      throw new LineError("heredoc word nested too deeply: " + rest.substring(0, Math.min(rest.length(), 40)));
    }
    if (raw.size() != words.size()) {
      throw new LineError("internal lexing of heredoc produced inconsistent results: " + rest);
    }
    boolean expand = quotes(words.get(0)) == quotes(raw.get(0));
    return new Heredoc(words.get(0), fd, expand, chomp, "");
  }

  /**
   * Finds the heredocs of a whole instruction line, in order. A line that does not split into words
   * (unbalanced quotes) has none.
   *
   * @param line the logical instruction line
   * @return the heredocs with empty bodies
   * @throws LineError when a heredoc word is malformed
   */
  public static List<Heredoc> fromLine(String line) {
    List<String> words;
    try {
      words = HeredocWords.split(line, true, true);
    } catch (LineError | StackOverflowError e) {
      return List.of(); // (a ${...} nested thousands deep is treated as unsplittable)
    }
    List<Heredoc> docs = new ArrayList<>();
    for (String w : words) {
      Heredoc h = parseWord(w);
      if (h != null) {
        docs.add(h);
      }
    }
    return docs;
  }

  private static long quotes(String s) {
    return s.chars().filter(c -> c == '\'' || c == '"').count();
  }
}
