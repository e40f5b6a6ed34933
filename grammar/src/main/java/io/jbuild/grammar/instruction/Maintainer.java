package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * MAINTAINER: Sets the (deprecated) author field.
 *
 * @param range where it is written
 * @param name the rest of the line, raw
 */
public record Maintainer(
    SourceRange range,
    String name) implements Instruction {

  /** Copies lists and checks required values. */
  public Maintainer {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String keyword() {
    return "MAINTAINER";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitMaintainer(this);
  }

  @Override
  public Maintainer withRange(SourceRange r) {
    return new Maintainer(r, name);
  }
}
