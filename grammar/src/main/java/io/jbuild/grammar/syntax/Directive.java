package io.jbuild.grammar.syntax;

import java.util.Objects;

/**
 * A parser directive from the top of a Dockerfile ({@code # syntax=...}, {@code # escape=`},
 * {@code # check=...}).
 *
 * @param name  the key, lower-cased
 * @param value the value as written, surrounding whitespace removed
 * @param line  1-based line
 */
public record Directive(String name, String value, int line) {
  /** Validates that no component is null. */
  public Directive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
