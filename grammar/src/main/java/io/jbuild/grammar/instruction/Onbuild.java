package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * ONBUILD: Registers a trigger run when the image is used as a base.
 *
 * @param range where it is written
 * @param expression the trigger text stored in the image config (heredoc bodies appended as BuildKit does)
 * @param trigger the trigger parsed, or null when it is not a valid instruction (BuildKit defers that error to the build that uses the image)
 */
public record Onbuild(
    SourceRange range,
    String expression,
    Instruction trigger) implements Instruction {

  /** Copies lists and checks required values. */
  public Onbuild {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(expression, "expression");
  }

  @Override
  public String keyword() {
    return "ONBUILD";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitOnbuild(this);
  }

  @Override
  public Onbuild withRange(SourceRange r) {
    return new Onbuild(r, expression, trigger);
  }
}
