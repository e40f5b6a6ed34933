package io.jbuild.builder.progress;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Counts what a build did from its events, for {@link BuildSummary}. Thread-safe. */
final class ProgressTally {
  private int cached;
  private int run;
  private int failed;
  private long bytesPushed;
  private final Map<PhaseEvent.Phase, Duration> phases = new EnumMap<>(PhaseEvent.Phase.class);

  synchronized void record(StepEvent e) {
    switch (e.state()) {
      case CACHED -> cached++;
      case DONE -> run++;
      case ERROR -> failed++;
      default -> { }
    }
  }

  synchronized void record(TransferEvent e) {
    if (e.kind() == TransferEvent.Kind.PUSH && e.status() == TransferEvent.Status.DONE) {
      bytesPushed += e.bytes();
    }
  }

  synchronized void record(PhaseEvent e) {
    phases.merge(e.phase(), e.duration(), Duration::plus);
  }

  synchronized BuildSummary summary(Duration total) {
    return new BuildSummary(total, cached, run, failed, bytesPushed, phases);
  }
}
