package io.jbuild.grammar.instruction;

import java.time.Duration;
import java.util.Objects;

/**
 * HEALTHCHECK: Sets or disables the health check. Durations absent or 0 are {@link java.time.Duration#ZERO}.
 *
 * @param range where it is written
 * @param none {@code HEALTHCHECK NONE}: disables the base image's check; all other fields are empty
 * @param test the check command ({@code CMD} exec form, or shell form for {@code CMD-SHELL}), or null when none
 * @param interval {@code --interval}
 * @param timeout {@code --timeout}
 * @param startPeriod {@code --start-period}
 * @param startInterval {@code --start-interval}
 * @param retries {@code --retries}, 0 when not given
 */
public record Healthcheck(
    SourceRange range,
    boolean none,
    Command test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    int retries) implements Instruction {

  /** Copies lists and checks required values. */
  public Healthcheck {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
    Objects.requireNonNull(startInterval, "startInterval");
  }

  @Override
  public String keyword() {
    return "HEALTHCHECK";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitHealthcheck(this);
  }

  @Override
  public Healthcheck withRange(SourceRange r) {
    return new Healthcheck(r, none, test, interval, timeout, startPeriod, startInterval, retries);
  }
}
