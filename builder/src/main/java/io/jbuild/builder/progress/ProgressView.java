package io.jbuild.builder.progress;

/**
 * A progress renderer chosen by {@code --progress} (see {@link ProgressModes}): a {@link ProgressListener}
 * that also receives byte transfers and phase timings, and ends the build with a summary line.
 *
 * <p>Usage: create it before the build, pass it as the build's listener, call {@link #finish()} when the
 * build succeeded (prints {@code total 12.3s, 5 steps (3 cached, 2 run), pushed 4.1 MB}), and always
 * {@link #close()} it (stops a live view's redraw thread and leaves the terminal clean). Thread-safe.
 */
public interface ProgressView extends ProgressListener, AutoCloseable {

  /** A byte transfer moved on. */
  default void onTransfer(TransferEvent event) { }

  /** A phase of the build took some time. */
  default void onPhase(PhaseEvent event) { }

  /** Ends a successful build: prints the summary (if this mode prints anything) and returns it. */
  BuildSummary finish();

  /** Stops drawing; idempotent, never throws. */
  @Override
  void close();
}
