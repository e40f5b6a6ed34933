package io.jbuild.grammar.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The small part of BuildKit's shell lexer that heredoc detection relies on: splitting a line into
 * words with an empty environment in which unset variables are kept as written ({@code SkipUnsetEnv}),
 * with or without keeping quotes ({@code RawQuotes}) and escapes ({@code RawEscapes}), the escape
 * character always being {@code \}. Whitespace directly after {@code <<} stays in the word, so that
 * {@code <<  EOF} is one word. Word expansion proper lives in {@code io.jbuild.grammar.shell}.
 */
final class HeredocWords {
  private static final int EOF = -1;

  private final int[] cps;
  private final boolean rawQuotes;
  private boolean rawEscapes;
  private int pos;

  private HeredocWords(String text, boolean rawQuotes, boolean rawEscapes) {
    this.cps = text.codePoints().toArray();
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
  }

  /**
   * Splits text into words.
   *
   * @throws LineError on unbalanced quotes or a malformed {@code ${...}}
   */
  static List<String> split(String text, boolean rawQuotes, boolean rawEscapes) {
    HeredocWords lexer = new HeredocWords(text, rawQuotes, rawEscapes);
    return lexer.processStopOn(EOF, rawEscapes).words;
  }

  private record Result(String text, List<String> words) {}

  private int peek() {
    return pos < cps.length ? cps[pos] : EOF;
  }

  private int next() {
    return pos < cps.length ? cps[pos++] : EOF;
  }

  private Result processStopOn(int stop, boolean raw) {
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      StringBuilder result = new StringBuilder();
      Words words = new Words();
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          next();
          return new Result(result.toString(), words.get());
        }
        if (ch == '$') {
          String t = dollar();
          result.append(t);
          words.addString(t);
        } else if (ch == '\'' || ch == '"' || ch == '<') {
          String t = ch == '\'' ? singleQuote() : ch == '"' ? doubleQuote() : possibleHeredoc();
          result.append(t);
          words.addRaw(t);
        } else {
          ch = next();
          if (ch == '\\') {
            if (rawEscapes) {
              words.addRawChar(ch);
              result.appendCodePoint(ch);
            }
            ch = next();
            if (ch == EOF) {
              break;
            }
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result.appendCodePoint(ch);
        }
      }
      if (stop != EOF) {
        throw new LineError("unexpected end of statement while looking for matching " + Character.toString(stop));
      }
      return new Result(result.toString(), words.get());
    } finally {
      rawEscapes = saved;
    }
  }

  private String singleQuote() {
    StringBuilder b = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      b.appendCodePoint(ch);
    }
    while (true) {
      ch = next();
      if (ch == EOF) {
        throw new LineError("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        if (rawQuotes) {
          b.appendCodePoint(ch);
        }
        return b.toString();
      }
      b.appendCodePoint(ch);
    }
  }

  private String doubleQuote() {
    StringBuilder b = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      b.appendCodePoint(ch);
    }
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw new LineError("unexpected end of statement while looking for matching double-quote");
      } else if (p == '"') {
        next();
        if (rawQuotes) {
          b.append('"');
        }
        return b.toString();
      } else if (p == '$') {
        b.append(dollar());
      } else {
        ch = next();
        if (ch == '\\') {
          if (rawEscapes) {
            b.append('\\');
          }
          int q = peek();
          if (q == EOF) {
            continue;
          }
          if (q == '"' || q == '$' || q == '\\') {
            ch = next();
          }
        }
        b.appendCodePoint(ch);
      }
    }
  }

  private String possibleHeredoc() {
    next();
    if (peek() != '<') {
      return "<";
    }
    next();
    StringBuilder b = new StringBuilder("<<");
    while (peek() == ' ' || peek() == '\t') {
      b.appendCodePoint(next());
    }
    return b.toString();
  }

  private String dollar() {
    next();
    if (peek() != '{') {
      String name = name();
      return "$" + name;
    }
    next();
    int p = peek();
    if (p == EOF) {
      throw new LineError("syntax error: missing '}'");
    }
    if (p == '{' || p == '}' || p == ':') {
      throw new LineError("syntax error: bad substitution");
    }
    String name = name();
    int ch = next();
    String chs = ch == EOF ? "" : Character.toString(ch);
    switch (ch) {
      case '}':
        return "${" + name + "}";
      case ':':
        ch = next();
        chs += ch == EOF ? "" : Character.toString(ch);
        return modifier(name, chs, ch);
      case '+', '-', '?', '#', '%':
        return modifier(name, chs, ch);
      case '/': {
        if (peek() == '/') {
          next();
        }
        Result pattern = stopOrFail('/', "syntax error: missing '/' in ${}");
        Result replacement = stopOrFail('}', "syntax error: missing '}'");
        return "${" + name + "/" + pattern.text + "/" + replacement.text + "}";
      }
      default:
        throw new LineError("unsupported modifier (" + chs + ") in substitution");
    }
  }

  private String modifier(String name, String chs, int ch) {
    Result word = stopOrFail('}', "syntax error: missing '}'", ch == '#' || ch == '%');
    return "${" + name + chs + word.text + "}";
  }

  private Result stopOrFail(int stop, String atEof) {
    return stopOrFail(stop, atEof, true);
  }

  private Result stopOrFail(int stop, String atEof, boolean raw) {
    try {
      return processStopOn(stop, raw);
    } catch (LineError e) {
      if (peek() == EOF) {
        throw new LineError(atEof);
      }
      throw e;
    }
  }

  private String name() {
    StringBuilder b = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (b.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          b.appendCodePoint(next());
        }
        return b.toString();
      }
      if (b.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
        return Character.toString(next());
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      b.appendCodePoint(next());
    }
    return b.toString();
  }

  /** Word accumulation: unquoted white space separates words, quoted text never does. */
  private static final class Words {
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    void addChar(int ch) {
      if (GoText.isSpace(ch) && inWord) {
        if (word.length() != 0) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (!GoText.isSpace(ch)) {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      word.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String s) {
      s.codePoints().forEach(this::addChar);
    }

    void addRaw(String s) {
      word.append(s);
      inWord = true;
    }

    List<String> get() {
      if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
      return words;
    }
  }
}
