package io.jbuild.builder.progress;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Times one phase and reports it as a {@link PhaseEvent} when closed, for emitters:
 * <pre>{@code
 * try (PhaseTimer t = PhaseTimer.start(progress, PhaseEvent.Phase.RUN, stageName, step)) {
 *   ... run the container ...
 * }
 * }</pre>
 * Closing twice reports once. Does nothing when the listener records no phases.
 */
public final class PhaseTimer implements AutoCloseable {
  private final ProgressListener listener;
  private final PhaseEvent.Phase phase;
  private final String stage;
  private final int step;
  private final LongSupplier nanos;
  private final long start;
  private boolean closed;

  private PhaseTimer(ProgressListener listener, PhaseEvent.Phase phase, String stage, int step, LongSupplier nanos) {
    this.listener = listener;
    this.phase = phase;
    this.stage = stage;
    this.step = step;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** Times a phase of step {@code step} of {@code stage}. */
  public static PhaseTimer start(ProgressListener listener, PhaseEvent.Phase phase, String stage, int step) {
    return new PhaseTimer(listener, phase, stage, step, System::nanoTime);
  }

  /** Times a build-wide phase (parse, context, export, push). */
  public static PhaseTimer start(ProgressListener listener, PhaseEvent.Phase phase) {
    return start(listener, phase, null, 0);
  }

  static PhaseTimer start(ProgressListener listener, PhaseEvent.Phase phase, String stage, int step,
      LongSupplier nanos) {
    return new PhaseTimer(listener, phase, stage, step, nanos);
  }

  /** Reports the time since {@code start}. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Duration took = Duration.ofNanos(Math.max(0, nanos.getAsLong() - start));
    new PhaseEvent(phase, stage, step, took).sendTo(listener);
  }
}
