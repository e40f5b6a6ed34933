package io.jbuild.builder.progress;

import java.time.Duration;

/**
 * A progress event of one build step. {@code stage} is the stage's display name, {@code index}/
 * {@code total} the step's position in the stage, {@code text} the instruction as shown
 * ({@code RUN echo hi}), {@code state} what happened and {@code elapsed} how long it took (zero for
 * {@link State#STARTED}). {@code output} carries one line of a RUN step's output for {@link State#LOG}.
 */
public record StepEvent(String stage, int index, int total, String text, State state, Duration elapsed,
    String output) {

  /** What happened to a step. */
  public enum State { STARTED, CACHED, DONE, ERROR, LOG }

  public static StepEvent of(String stage, int index, int total, String text, State state, Duration elapsed) {
    return new StepEvent(stage, index, total, text, state, elapsed, null);
  }
}
