package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.Heredoc;
import java.util.List;
import java.util.Objects;

/**
 * RUN: Runs a command in the stage's filesystem.
 *
 * @param range where it is written
 * @param command the command (shell or exec form)
 * @param mounts the {@code --mount} flags in order
 * @param network the {@code --network} value ({@code default}, {@code none}, {@code host}), or null
 * @param security the {@code --security} value ({@code sandbox}, {@code insecure}), or null
 * @param heredocs the heredocs of the line, bodies raw
 */
public record Run(
    SourceRange range,
    Command command,
    List<Mount> mounts,
    String network,
    String security,
    List<Heredoc> heredocs) implements Instruction {

  /** Copies lists and checks required values. */
  public Run {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(command, "command");
    mounts = List.copyOf(mounts);
    heredocs = List.copyOf(heredocs);
  }

  @Override
  public String keyword() {
    return "RUN";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitRun(this);
  }

  @Override
  public Run withRange(SourceRange r) {
    return new Run(r, command, mounts, network, security, heredocs);
  }
}
