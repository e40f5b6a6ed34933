package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.LineError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flags of one instruction, checked as BuildKit's {@code BFlags}: declare the allowed flags,
 * then {@link #parse()} rejects unknown and duplicate flags, booleans that are not
 * true/false, and string flags without {@code =value}. A lone {@code --} stops parsing.
 */
final class Flags {
  private enum Type { BOOL, STRING, STRINGS }

  private final List<String> args;
  private final Map<String, Type> declared = new LinkedHashMap<>();
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, List<String>> lists = new HashMap<>();

  Flags(List<String> args) {
    this.args = args;
  }

  Flags bool(String name) {
    declared.put(name, Type.BOOL);
    return this;
  }

  Flags string(String name) {
    declared.put(name, Type.STRING);
    return this;
  }

  Flags strings(String name) {
    declared.put(name, Type.STRINGS);
    return this;
  }

  /** @throws LineError on the first flag BuildKit would reject */
  Flags parse() {
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new LineError("arg should start with -- : " + arg);
      }
      if (arg.equals("--")) {
        return this;
      }
      String name = arg.substring(2);
      String value = "";
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Type type = declared.get(name);
      if (type == null) {
        throw new LineError("unknown flag: " + name + Suggest.didYouMean(name, declared.keySet(), true));
      }
      if (type != Type.STRINGS && values.containsKey(name)) {
        throw new LineError("duplicate flag specified: " + name);
      }
      switch (type) {
        case BOOL -> {
          if (eq >= 0 && value.isEmpty()) {
            throw new LineError("missing a value on flag: " + name);
          }
          switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "" -> values.put(name, "true");
            case "false" -> values.put(name, "false");
            default -> throw new LineError("expecting boolean value for flag " + name + ", not: " + value);
          }
        }
        case STRING -> {
          if (eq < 0) {
            throw new LineError("missing a value on flag: " + name);
          }
          values.put(name, value);
        }
        case STRINGS -> {
          if (eq < 0) {
            throw new LineError("missing a value on flag: " + name);
          }
          values.put(name, value);
          lists.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
      }
    }
    return this;
  }

  /** @return the value of a string flag, or null when not given */
  String value(String name) {
    return values.get(name);
  }

  /** @return whether a boolean flag was given as true */
  boolean isTrue(String name) {
    return "true".equals(values.get(name));
  }

  /** @return a boolean flag's value, or null when not given */
  Boolean optionalBool(String name) {
    String v = values.get(name);
    return v == null ? null : Boolean.valueOf(v);
  }

  /** @return the values of a repeatable flag in order */
  List<String> values(String name) {
    return List.copyOf(lists.getOrDefault(name, List.of()));
  }
}
