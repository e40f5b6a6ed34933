package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * One declaration of an ARG instruction.
 *
 * @param name         the name as written
 * @param defaultValue the raw default after {@code =} (quotes kept), or null when none was given
 */
public record ArgDeclaration(String name, String defaultValue) {
  /** Checks the name. */
  public ArgDeclaration {
    Objects.requireNonNull(name, "name");
  }
}
