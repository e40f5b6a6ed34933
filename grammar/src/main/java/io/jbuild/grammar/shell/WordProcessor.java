package io.jbuild.grammar.shell;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One expansion of one word: a cursor over its code points plus the names looked up. Not
 * thread-safe and used once; {@link ShellLexer} creates one per call.
 */
final class WordProcessor {

  private static final int EOF = -1;
  /** Deepest nesting of references accepted; real Dockerfiles use a handful of levels. */
  static final int MAX_NESTING = 200;

  private final String source;
  private final int[] cps;
  private final int escape;
  private final LexOptions options;
  private final Environment env;
  private final Set<String> matched = new TreeSet<>();
  private final Set<String> unmatched = new TreeSet<>();
  private int pos;
  private int depth;

  WordProcessor(String source, int escape, LexOptions options, Environment env) {
    this.source = source;
    this.cps = source.codePoints().toArray();
    this.escape = escape;
    this.options = options;
    this.env = env;
    this.pos = (cps.length > 0 && cps[0] == 0xFEFF) ? 1 : 0; // as Go's text/scanner: skip a BOM
  }

  /** Expands the whole word. */
  Expansion run() throws ExpansionException {
    WordSplitter words = new WordSplitter();
    String result = processUntil(EOF, options.rawEscapes(), words);
    return new Expansion(result, words.finish(), matched, unmatched);
  }

  private int peek() {
    return pos < cps.length ? cps[pos] : EOF;
  }

  private int next() {
    return pos < cps.length ? cps[pos++] : EOF;
  }

  private ExpansionException fail(String reason) {
    return new ExpansionException(source, reason);
  }

  private static String str(int cp) {
    return new String(Character.toChars(cp));
  }

  /**
   * Processes text up to {@code stop} (consumed) or the end of the word; the end is an error
   * when a stop character is expected. {@code words} may be null when splitting is not wanted.
   */
  private String processUntil(int stop, boolean rawEscapes, WordSplitter words)
      throws ExpansionException {
    WordSplitter w = words != null ? words : new WordSplitter();
    StringBuilder result = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (stop != EOF && ch == stop) {
        next();
        return result.toString();
      }
      if (ch == '$') {
        String value = processDollar();
        result.append(value);
        w.addSplitting(value);
        continue;
      }
      if (!options.skipProcessQuotes() && (ch == '\'' || ch == '"')) {
        String quoted = ch == '\'' ? processSingleQuote() : processDoubleQuote(rawEscapes);
        result.append(quoted);
        w.addRaw(quoted);
        continue;
      }
      ch = next();
      if (ch == escape) {
        if (rawEscapes) {
          w.addRawChar(ch);
          result.appendCodePoint(ch);
        }
        ch = next();
        if (ch == EOF) {
          break; // a trailing escape character is dropped
        }
        w.addRawChar(ch);
      } else {
        w.addChar(ch);
      }
      result.appendCodePoint(ch);
    }
    if (stop != EOF) {
      throw fail("unexpected end of statement while looking for matching " + str(stop));
    }
    return result.toString();
  }

  private String processSingleQuote() throws ExpansionException {
    StringBuilder result = new StringBuilder();
    int open = next();
    if (options.rawQuotes()) {
      result.appendCodePoint(open);
    }
    while (true) {
      int ch = next();
      if (ch == EOF) {
        throw fail("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        if (options.rawQuotes()) {
          result.appendCodePoint(ch);
        }
        return result.toString();
      }
      result.appendCodePoint(ch);
    }
  }

  private String processDoubleQuote(boolean rawEscapes) throws ExpansionException {
    StringBuilder result = new StringBuilder();
    int open = next();
    if (options.rawQuotes()) {
      result.appendCodePoint(open);
    }
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw fail("unexpected end of statement while looking for matching double-quote");
      }
      if (p == '"') {
        next();
        if (options.rawQuotes()) {
          result.appendCodePoint(p);
        }
        return result.toString();
      }
      if (p == '$') {
        result.append(processDollar());
        continue;
      }
      int ch = next();
      if (ch == escape) {
        if (rawEscapes) {
          result.appendCodePoint(ch);
        }
        int q = peek();
        if (q == EOF) {
          continue; // reported as the missing closing quote
        }
        if (q == '"' || q == '$' || q == escape) {
          ch = next();
        }
      }
      result.appendCodePoint(ch);
    }
  }

  private Optional<String> lookup(String name) {
    Optional<String> value = env.lookup(name);
    (value.isPresent() ? matched : unmatched).add(name);
    return value;
  }

  private String processDollar() throws ExpansionException {
    if (depth >= MAX_NESTING) {
      throw fail("variable references nested more than " + MAX_NESTING + " levels deep");
    }
    depth++;
    try {
      return processReference();
    } finally {
      depth--;
    }
  }

  private String processReference() throws ExpansionException {
    next(); // '$'
    if (peek() != '{') {
      String name = processName();
      if (name.isEmpty()) {
        return "$";
      }
      Optional<String> value = lookup(name);
      if (value.isEmpty() && options.skipUnsetEnv()) {
        return "$" + name;
      }
      return value.orElse("");
    }
    next(); // '{'
    int first = peek();
    if (first == EOF) {
      throw fail("syntax error: missing '}'");
    }
    if (first == '{' || first == '}' || first == ':') {
      throw fail("syntax error: bad substitution");
    }
    String name = processName();
    int op = next();
    switch (op) {
      case EOF:
        throw fail("syntax error: missing '}'");
      case '}': {
        Optional<String> value = lookup(name);
        if (value.isEmpty() && options.skipUnsetEnv()) {
          return "${" + name + "}";
        }
        return value.orElse("");
      }
      case '/':
        return substitute(name);
      case ':':
      case '+':
      case '-':
      case '?':
      case '#':
      case '%':
        return modifier(name, op);
      default:
        throw fail("unsupported modifier (" + str(op) + ") in substitution");
    }
  }

  /** {@code ${name<op>word}} for the operators - + ? # % (the first four optionally after :). */
  private String modifier(String name, int first) throws ExpansionException {
    boolean colon = first == ':';
    int op = first;
    String opText = str(first);
    if (colon) {
      op = next();
      opText += op == EOF ? "" : str(op);
    }
    boolean pattern = op == '#' || op == '%';
    if (colon && pattern) {
      throw fail("unsupported modifier (" + opText + ") in substitution");
    }
    String word = processNested('}', pattern, "syntax error: missing '}'");
    Optional<String> value = lookup(name);
    if (value.isEmpty() && options.skipUnsetEnv()) {
      return "${" + name + opText + word + "}";
    }
    boolean unset = value.isEmpty() || (colon && value.get().isEmpty());
    switch (op) {
      case '-':
        return unset ? word : value.get();
      case '+':
        return unset ? "" : word;
      case '?':
        if (value.isEmpty()) {
          throw fail(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
        }
        if (unset) {
          throw fail(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
        }
        return value.get();
      case '#':
      case '%':
        return trim(op, word, value.orElse(""));
      default:
        throw fail("unsupported modifier (" + opText + ") in substitution");
    }
  }

  /** {@code ${name#p}}, {@code ${name##p}}, {@code ${name%p}}, {@code ${name%%p}}. */
  private String trim(int op, String word, String value) throws ExpansionException {
    boolean greedy = !word.isEmpty() && word.charAt(0) == op;
    String pattern = greedy ? word.substring(1) : word;
    boolean suffix = op == '%';
    String patternText = suffix ? Reversal.reversePattern(pattern) : pattern;
    String subject = suffix ? Reversal.reverse(value) : value;
    ShellPattern compiled;
    try {
      compiled = ShellPattern.compile(patternText);
    } catch (ShellPattern.InvalidPatternException e) {
      throw fail("invalid pattern (" + patternText + ") in substitution: " + e.getMessage());
    }
    int[] cps = subject.codePoints().toArray();
    int end = compiled.matchPrefix(cps, greedy);
    String rest = end < 0 ? subject : new String(cps, end, cps.length - end);
    return suffix ? Reversal.reverse(rest) : rest;
  }

  /** {@code ${name/pattern/replacement}} and {@code ${name//pattern/replacement}}. */
  private String substitute(String name) throws ExpansionException {
    boolean all = peek() == '/';
    if (all) {
      next();
    }
    String pattern = processNested('/', true, "syntax error: missing '/' in ${}");
    String replacement = processNested('}', true, "syntax error: missing '}'");
    Optional<String> value = lookup(name);
    if (value.isEmpty() && options.skipUnsetEnv()) {
      return "${" + name + (all ? "//" : "/") + pattern + "/" + replacement + "}";
    }
    ShellPattern compiled;
    try {
      compiled = ShellPattern.compile(pattern);
    } catch (ShellPattern.InvalidPatternException e) {
      throw fail("invalid pattern (" + pattern + ") in substitution: " + e.getMessage());
    }
    String v = value.orElse("");
    return all ? compiled.replaceAll(v, replacement) : compiled.replaceFirst(v, replacement);
  }

  /** Processes an operator's word up to {@code stop}; running off the end is {@code atEnd}. */
  private String processNested(int stop, boolean rawEscapes, String atEnd)
      throws ExpansionException {
    try {
      return processUntil(stop, rawEscapes, null);
    } catch (ExpansionException e) {
      if (peek() == EOF) {
        throw fail(atEnd);
      }
      throw e;
    }
  }

  /**
   * Reads a name: a run of digits (positional parameter), one special parameter character
   * ({@code @ * # ? - $ ! 0}), or letters, digits and underscores; empty if none.
   */
  private String processName() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.length() == 0 && isSpecialParameter(ch)) {
        next();
        return str(ch);
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }

  private static boolean isSpecialParameter(int ch) {
    return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$'
        || ch == '!' || ch == '0';
  }
}
