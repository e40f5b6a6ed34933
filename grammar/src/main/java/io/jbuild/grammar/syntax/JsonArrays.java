package io.jbuild.grammar.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * The exec (JSON array) form of BuildKit's {@code parseJSON}: text that, after leading white space,
 * starts with {@code [} and is one valid JSON document. Text that is not valid JSON is not an exec
 * form (the caller falls back to the shell form); a valid array holding anything but strings is an
 * error.
 */
final class JsonArrays {
  static final String NOT_STRINGS = "when using JSON array syntax, arrays must be comprised of strings only";

  private JsonArrays() {}

  /**
   * @param text the arguments of an instruction
   * @return the decoded strings, or null when the text is not a JSON array
   * @throws LineError when the text is a JSON array with an element that is not a string
   */
  static List<String> parse(String text) {
    String rest = GoText.trimLeft(text);
    if (!rest.startsWith("[")) {
      return null;
    }
    int depth = depth(rest);
    if (depth > MAX_DEPTH) {
      return null; // Go's decoder refuses nesting deeper than 10000: not JSON for BuildKit
    }
    JsonArrayParser.DocumentContext doc = depth > SHALLOW ? parseOnLargeStack(rest) : parseTree(rest);
    if (doc == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean nonString = false;
    for (JsonArrayParser.ValueContext v : doc.array().value()) {
      if (v.NUMBER() != null && Double.isInfinite(Double.parseDouble(v.NUMBER().getText()))) {
        return null; // Go's decoder fails on numbers out of float64 range: not JSON for BuildKit
      }
      if (v.STRING() == null) {
        nonString = true;
      } else {
        out.add(decode(v.STRING().getText()));
      }
    }
    if (nonString) {
      throw new LineError(NOT_STRINGS);
    }
    return out;
  }

  private static final int MAX_DEPTH = 10_000;
  private static final int SHALLOW = 200;

  private static JsonArrayParser.DocumentContext parseTree(String rest) {
    try {
      JsonArrayLexer lexer = new JsonArrayLexer(CharStreams.fromString(rest));
      JsonArrayParser parser = AntlrErrors.aborting(lexer, new JsonArrayParser(new CommonTokenStream(lexer)));
      return parser.document();
    } catch (AntlrErrors.Abort e) {
      return null;
    }
  }

  /** Deeply nested arrays need a deep stack for the recursive-descent parser. */
  private static JsonArrayParser.DocumentContext parseOnLargeStack(String rest) {
    JsonArrayParser.DocumentContext[] result = new JsonArrayParser.DocumentContext[1];
    Thread t = new Thread(null, () -> result[0] = parseTree(rest), "jbuild-json", 1L << 28);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LineError("interrupted while parsing a JSON array");
    }
    return result[0];
  }

  /** @return the deepest nesting of arrays and objects outside strings */
  private static int depth(String text) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return max;
  }

  /** Decodes a JSON string token; lone surrogates become U+FFFD as in Go. */
  private static String decode(String token) {
    StringBuilder b = new StringBuilder(token.length());
    int end = token.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = token.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = token.charAt(++i);
      switch (e) {
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          char u = (char) Integer.parseInt(token.substring(i + 1, i + 5), 16);
          i += 4;
          if (Character.isHighSurrogate(u) && i + 6 < end && token.startsWith("\\u", i + 1)) {
            char low = (char) Integer.parseInt(token.substring(i + 3, i + 7), 16);
            if (Character.isLowSurrogate(low)) {
              b.append(u).append(low);
              i += 6;
              continue;
            }
          }
          b.append(Character.isSurrogate(u) ? '\uFFFD' : u);
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }
}
