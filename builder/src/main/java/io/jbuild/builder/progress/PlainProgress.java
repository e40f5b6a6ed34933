package io.jbuild.builder.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code --progress=plain}: one line per step event, e.g.
 * {@code #3 [build 2/5] COPY a /b  CACHED} or {@code ... DONE 0.4s}; RUN output lines prefixed by the
 * step. Thread-safe.
 */
public final class PlainProgress implements ProgressListener {
  private final PrintStream out;

  public PlainProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void onStep(StepEvent e) {
    String head = "[" + e.stage() + " " + e.index() + "/" + e.total() + "] " + e.text();
    switch (e.state()) {
      case STARTED -> out.println(head);
      case CACHED -> out.println(head + "  CACHED");
      case DONE -> out.println(head + "  DONE " + seconds(e));
      case ERROR -> out.println(head + "  ERROR " + seconds(e));
      case LOG -> out.println("[" + e.stage() + " " + e.index() + "/" + e.total() + "] " + e.output());
      default -> { }
    }
    out.flush();
  }

  @Override
  public synchronized void onMessage(String message) {
    out.println(message);
    out.flush();
  }

  private static String seconds(StepEvent e) {
    return String.format(Locale.ROOT, "%.1fs", e.elapsed().toMillis() / 1000.0);
  }
}
