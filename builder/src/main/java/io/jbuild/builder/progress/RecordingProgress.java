package io.jbuild.builder.progress;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event (for tests and the final summary); optionally forwards to another listener. */
public final class RecordingProgress implements ProgressListener {
  private final List<StepEvent> events = new ArrayList<>();
  private final ProgressListener next;

  public RecordingProgress(ProgressListener next) {
    this.next = next;
  }

  public RecordingProgress() {
    this(NONE);
  }

  @Override
  public void onStep(StepEvent event) {
    synchronized (events) {
      events.add(event);
    }
    next.onStep(event);
  }

  @Override
  public void onMessage(String message) {
    next.onMessage(message);
  }

  /** A snapshot of the events so far. */
  public List<StepEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** How many steps ended in the given state. */
  public long count(StepEvent.State state) {
    return events().stream().filter(e -> e.state() == state).count();
  }
}
