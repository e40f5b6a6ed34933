package io.jbuild.grammar.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises parser directives ({@code # key=value}) at the very top of a Dockerfile. The first line
 * that is not a directive with a known key ({@code syntax}, {@code escape}, {@code check}) ends the
 * block; a known key may appear only once; {@code escape} accepts only {@code \} or {@code `}.
 */
final class DirectiveParser {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*([^\\n]+?)[\\t\\n\\f\\r ]*\\z");
  private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

  private final List<Directive> directives = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private boolean done;
  private char escape = '\\';

  /**
   * Looks at one line (newline and, for first lines, leading white space already removed).
   *
   * @throws LineError for a repeated directive or an invalid escape character
   */
  void accept(String line, int lineNumber) {
    if (done) {
      return;
    }
    Matcher m = DIRECTIVE.matcher(line);
    if (!m.matches()) {
      done = true;
      return;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!KNOWN.contains(key)) {
      done = true;
      return;
    }
    if (!seen.add(key)) {
      throw new LineError("only one " + key + " parser directive can be used");
    }
    String value = m.group(2);
    if (key.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        throw new LineError("invalid escape token '" + value + "' does not match ` or \\");
      }
      escape = value.charAt(0);
    }
    directives.add(new Directive(key, value, lineNumber));
  }

  char escape() {
    return escape;
  }

  List<Directive> directives() {
    return List.copyOf(directives);
  }
}
