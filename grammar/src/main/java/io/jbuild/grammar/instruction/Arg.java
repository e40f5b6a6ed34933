package io.jbuild.grammar.instruction;

import java.util.List;
import java.util.Objects;

/**
 * ARG: Declares build arguments.
 *
 * @param range where it is written
 * @param declarations the declarations in order
 */
public record Arg(
    SourceRange range,
    List<ArgDeclaration> declarations) implements Instruction {

  /** Copies lists and checks required values. */
  public Arg {
    Objects.requireNonNull(range, "range");
    declarations = List.copyOf(declarations);
  }

  @Override
  public String keyword() {
    return "ARG";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitArg(this);
  }

  @Override
  public Arg withRange(SourceRange r) {
    return new Arg(r, declarations);
  }
}
