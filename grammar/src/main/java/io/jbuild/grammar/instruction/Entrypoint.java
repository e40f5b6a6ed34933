package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * ENTRYPOINT: Sets the entrypoint of the image; an empty exec form resets it.
 *
 * @param range where it is written
 * @param command the command
 */
public record Entrypoint(
    SourceRange range,
    Command command) implements Instruction {

  /** Copies lists and checks required values. */
  public Entrypoint {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(command, "command");
  }

  @Override
  public String keyword() {
    return "ENTRYPOINT";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitEntrypoint(this);
  }

  @Override
  public Entrypoint withRange(SourceRange r) {
    return new Entrypoint(r, command);
  }
}
