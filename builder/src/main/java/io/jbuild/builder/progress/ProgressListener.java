package io.jbuild.builder.progress;

/**
 * Receives build progress. Implementations must be thread-safe: independent stages build
 * concurrently. {@link #NONE} ignores everything.
 */
public interface ProgressListener {
  ProgressListener NONE = e -> { };

  void onStep(StepEvent event);

  /** A free-form message (pulls, exports). */
  default void onMessage(String message) { }
}
