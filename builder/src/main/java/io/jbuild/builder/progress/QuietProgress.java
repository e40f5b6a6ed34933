package io.jbuild.builder.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code --progress=quiet} (and {@code -q}): prints nothing, still counts for {@link #finish()}. */
final class QuietProgress implements ProgressView {
  private final Clock clock;
  private final Instant start;
  private final ProgressTally tally = new ProgressTally();

  QuietProgress(Clock clock) {
    this.clock = clock;
    this.start = clock.instant();
  }

  @Override
  public void onStep(StepEvent e) {
    tally.record(e);
  }

  @Override
  public void onTransfer(TransferEvent e) {
    tally.record(e);
  }

  @Override
  public void onPhase(PhaseEvent e) {
    tally.record(e);
  }

  @Override
  public BuildSummary finish() {
    return tally.summary(Duration.between(start, clock.instant()));
  }

  @Override
  public void close() { }
}
