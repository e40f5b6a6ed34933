package io.jbuild.grammar.shell;

import io.jbuild.grammar.syntax.GoText;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the words of an expansion: unquoted white space (typed, or produced by an unquoted
 * {@code $} expansion) separates words; quoted or escaped characters never do. Empty words are
 * never produced ({@code "" a ''} gives {@code [a]}).
 */
final class WordSplitter {

  private final List<String> words = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private boolean inWord;

  /** Adds an unquoted character: white space ends the current word. */
  void addChar(int cp) {
    if (GoText.isSpace(cp)) {
      if (inWord && current.length() != 0) {
        words.add(current.toString());
        current.setLength(0);
        inWord = false;
      }
    } else {
      addRawChar(cp);
    }
  }

  /** Adds a character that never splits (escaped or quoted). */
  void addRawChar(int cp) {
    current.appendCodePoint(cp);
    inWord = true;
  }

  /** Adds unquoted text (an expansion result), splitting on its white space. */
  void addSplitting(String text) {
    text.codePoints().forEach(this::addChar);
  }

  /** Adds quoted text as it is. */
  void addRaw(String text) {
    current.append(text);
    inWord = true;
  }

  /** The words collected so far, ending the current one. */
  List<String> finish() {
    if (current.length() > 0) {
      words.add(current.toString());
      current.setLength(0);
      inWord = false;
    }
    return List.copyOf(words);
  }
}
