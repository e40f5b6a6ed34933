package io.jbuild.builder.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code --progress=plain} as a {@link ProgressView}: steps, RUN output and messages are printed by
 * {@link PlainProgress} (step numbers, {@code CACHED}, {@code DONE 1.2s}); this adds one line per finished
 * transfer ({@code pull sha256:ab12cd34ef56 4.1 MB 1.2s}, {@code push sha256:... exists}; progress in between
 * is not printed, CI logs stay short) and the summary line at the end.
 */
final class PlainProgressView implements ProgressView {
  private final PrintStream out;
  private final PlainProgress steps;
  private final Clock clock;
  private final Instant start;
  private final ProgressTally tally = new ProgressTally();

  PlainProgressView(PrintStream out, Clock clock) {
    this.out = out;
    this.steps = new PlainProgress(out);
    this.clock = clock;
    this.start = clock.instant();
  }

  @Override
  public void onStep(StepEvent e) {
    tally.record(e);
    steps.onStep(e);
  }

  @Override
  public void onMessage(String message) {
    steps.onMessage(message);
  }

  @Override
  public void onTransfer(TransferEvent e) {
    tally.record(e);
    if (e.status() == TransferEvent.Status.DONE) {
      steps.onMessage(e.kind().label() + " " + e.label() + " " + BuildSummary.bytes(e.bytes()));
    } else if (e.status() == TransferEvent.Status.SKIPPED) {
      steps.onMessage(e.kind().label() + " " + e.label() + " exists");
    }
  }

  @Override
  public void onPhase(PhaseEvent e) {
    tally.record(e);
  }

  @Override
  public BuildSummary finish() {
    BuildSummary s = tally.summary(Duration.between(start, clock.instant()));
    steps.onMessage(s.line());
    return s;
  }

  @Override
  public void close() {
    out.flush();
  }
}
