package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * CMD: Sets the default command of the image.
 *
 * @param range where it is written
 * @param command the command
 */
public record Cmd(
    SourceRange range,
    Command command) implements Instruction {

  /** Copies lists and checks required values. */
  public Cmd {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(command, "command");
  }

  @Override
  public String keyword() {
    return "CMD";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitCmd(this);
  }

  @Override
  public Cmd withRange(SourceRange r) {
    return new Cmd(r, command);
  }
}
