package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * SHELL: Sets the shell used by shell-form commands; always in exec form.
 *
 * @param range where it is written
 * @param command the shell argv (exec form)
 */
public record Shell(
    SourceRange range,
    Command command) implements Instruction {

  /** Copies lists and checks required values. */
  public Shell {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(command, "command");
  }

  @Override
  public String keyword() {
    return "SHELL";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitShell(this);
  }

  @Override
  public Shell withRange(SourceRange r) {
    return new Shell(r, command);
  }
}
