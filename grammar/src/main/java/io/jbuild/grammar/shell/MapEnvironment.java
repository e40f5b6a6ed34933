package io.jbuild.grammar.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An {@link Environment} backed by an unmodifiable insertion-ordered map. */
final class MapEnvironment implements Environment {

  static final MapEnvironment EMPTY = new MapEnvironment(new LinkedHashMap<>());

  private final Map<String, String> variables;
  private final List<String> names;

  private MapEnvironment(LinkedHashMap<String, String> variables) {
    this.variables = variables;
    this.names = List.copyOf(variables.keySet());
  }

  static MapEnvironment fromList(List<String> entries) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    for (String entry : Objects.requireNonNull(entries, "entries")) {
      Objects.requireNonNull(entry, "environment entry");
      int eq = entry.indexOf('=');
      if (eq < 0) {
        map.put(entry, "");
      } else {
        map.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return new MapEnvironment(map);
  }

  static MapEnvironment fromMap(Map<String, String> variables) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    Objects.requireNonNull(variables, "variables").forEach((name, value) -> map.put(
        Objects.requireNonNull(name, "variable name"),
        Objects.requireNonNull(value, () -> "value of variable " + name)));
    return new MapEnvironment(map);
  }

  @Override
  public Optional<String> lookup(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return "Environment" + variables;
  }
}
