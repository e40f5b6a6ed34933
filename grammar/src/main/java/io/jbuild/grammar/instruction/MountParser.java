package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.LineError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a {@code --mount} value as one CSV record (Go's {@code encoding/csv}: fields separated by
 * commas, a field may be double-quoted with {@code ""} for a quote inside). As BuildKit does before
 * expansion, it checks only that {@code from} uses no variable.
 */
final class MountParser {
  private static final Pattern VARIABLE = Pattern.compile("\\$.", Pattern.DOTALL);

  private MountParser() {}

  static Mount parse(String raw) {
    List<Mount.Option> options = new ArrayList<>();
    for (String field : csv(raw)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? null : field.substring(eq + 1);
      if (key.equals("from") && value != null && VARIABLE.matcher(value).find()) {
        throw new LineError("'from' doesn't support variable expansion, define alias stage instead");
      }
      options.add(new Mount.Option(key, value));
    }
    return new Mount(raw, options);
  }

  private static List<String> csv(String raw) {
    if (raw.isEmpty()) {
      throw new LineError("failed to parse csv mounts: EOF");
    }
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < raw.length() && raw.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= raw.length()) {
            throw new LineError("failed to parse csv mounts: extraneous or missing \" in quoted-field");
          }
          char c = raw.charAt(i++);
          if (c == '"') {
            if (i < raw.length() && raw.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              break;
            }
          } else {
            f.append(c);
          }
        }
        if (i < raw.length() && raw.charAt(i) != ',') {
          throw new LineError("failed to parse csv mounts: extraneous or missing \" in quoted-field");
        }
      } else {
        while (i < raw.length() && raw.charAt(i) != ',') {
          char c = raw.charAt(i++);
          if (c == '"') {
            throw new LineError("failed to parse csv mounts: bare \" in non-quoted-field");
          }
          f.append(c);
        }
      }
      fields.add(f.toString());
      f.setLength(0);
      if (i >= raw.length()) {
        return fields;
      }
      i++; // the comma
    }
  }
}
