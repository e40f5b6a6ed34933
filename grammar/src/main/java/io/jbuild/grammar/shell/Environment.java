package io.jbuild.grammar.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a word is expanded against: a lookup by exact (case-sensitive, Linux rules)
 * name. Implementations are immutable.
 */
public interface Environment {

  /**
   * Returns the value of {@code name}, or empty when it is unset. A variable set to the empty
   * string is present with value {@code ""} (set-but-empty is not unset).
   */
  Optional<String> lookup(String name);

  /** The names of all set variables, each once, in first-definition order. */
  List<String> names();

  /** The environment with no variable set. */
  static Environment empty() {
    return MapEnvironment.EMPTY;
  }

  /**
   * Builds an environment from {@code NAME=VALUE} entries with BuildKit's rules: each entry is
   * split at its first {@code =}; a later entry for the same name wins; an entry without
   * {@code =} ({@code foo}) sets that name to the empty string.
   *
   * @throws NullPointerException if the list or an entry is null
   */
  static Environment fromList(List<String> entries) {
    return MapEnvironment.fromList(entries);
  }

  /**
   * Builds an environment holding a copy of {@code variables} (iteration order kept for
   * {@link #names()}).
   *
   * @throws NullPointerException if the map, a name or a value is null
   */
  static Environment fromMap(Map<String, String> variables) {
    return MapEnvironment.fromMap(variables);
  }
}
