package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * STOPSIGNAL: Sets the stop signal.
 *
 * @param range where it is written
 * @param signal the signal as written
 */
public record Stopsignal(
    SourceRange range,
    String signal) implements Instruction {

  /** Copies lists and checks required values. */
  public Stopsignal {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(signal, "signal");
  }

  @Override
  public String keyword() {
    return "STOPSIGNAL";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitStopsignal(this);
  }

  @Override
  public Stopsignal withRange(SourceRange r) {
    return new Stopsignal(r, signal);
  }
}
