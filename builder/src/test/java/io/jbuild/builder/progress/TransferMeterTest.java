package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransferMeterTest {
  private final List<TransferEvent> seen = new ArrayList<>();
  private final ProgressView view = new ProgressView() {
    @Override public void onStep(StepEvent e) { }
    @Override public synchronized void onTransfer(TransferEvent e) {
      seen.add(e);
    }
    @Override public BuildSummary finish() {
      return null;
    }
    @Override public void close() { }
  };

  @Test
  void contextOfUnknownSizeEndsWithTheBytesCounted() {
    AtomicLong nanos = new AtomicLong();
    TransferMeter m = TransferMeter.start(view, TransferEvent.Kind.CONTEXT, "context", "context", -1, nanos::get,
        Duration.ofMillis(100));
    m.add(500);
    nanos.addAndGet(Duration.ofMillis(150).toNanos());
    m.add(500);
    m.add(24);
    m.done();
    assertEquals(List.of(
        new TransferEvent(TransferEvent.Kind.CONTEXT, "context", "context", TransferEvent.Status.STARTED, 0, -1),
        new TransferEvent(TransferEvent.Kind.CONTEXT, "context", "context", TransferEvent.Status.PROGRESS, 1000, -1),
        new TransferEvent(TransferEvent.Kind.CONTEXT, "context", "context", TransferEvent.Status.DONE, 1024, -1)),
        seen);
    assertEquals(1024, m.bytes());
  }

  @Test
  void progressNeverExceedsAKnownTotal() {
    AtomicLong nanos = new AtomicLong();
    TransferMeter m = TransferMeter.start(view, TransferEvent.Kind.PULL, "x", "x", 100, nanos::get, Duration.ZERO);
    m.add(150); // a retried range counted twice
    assertEquals(100, seen.get(1).bytes());
  }

  @Test
  void listenersWithoutTransfersCostNothing() {
    RecordingProgress recording = new RecordingProgress();
    TransferMeter m = TransferMeter.start(recording, TransferEvent.Kind.PUSH, "a", "a", 10);
    m.add(10);
    m.done();
    assertEquals(0, recording.events().size());
  }
}
