package io.jbuild.builder.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The time one phase of the build took, for {@code --progress=rawjson} consumers that want to see where
 * time goes. {@code stage} and {@code step} name the step the phase belongs to, or are {@code null} and
 * {@code 0} for build-wide phases (parse, context, export, push). A phase may be reported many times
 * (once per step); the build summary adds them up.
 *
 * <p>Emitters call {@link #sendTo(ProgressListener)}; listeners that are not {@link ProgressView}s ignore it.
 */
public record PhaseEvent(Phase phase, String stage, int step, Duration duration) {

  /** The phases of a build, in pipeline order. */
  public enum Phase {
    PARSE, CONTEXT, CACHE_LOOKUP, RUN, LAYER, EXPORT, PUSH;

    /** The name used in {@code rawjson}: lower case, words joined by {@code -} ({@code cache-lookup}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public PhaseEvent {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("phase " + phase.label() + ": negative duration " + duration);
    }
  }

  /** A build-wide phase (not tied to a step). */
  public static PhaseEvent of(Phase phase, Duration duration) {
    return new PhaseEvent(phase, null, 0, duration);
  }

  /** Delivers this event to {@code listener} if it records phases; otherwise does nothing. */
  public void sendTo(ProgressListener listener) {
    if (listener instanceof ProgressView) {
      ((ProgressView) listener).onPhase(this);
    }
  }
}
