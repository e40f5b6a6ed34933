package io.jbuild.builder.progress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Reports one byte transfer to a progress listener: {@link #start} sends {@code STARTED}, {@link #add}
 * counts bytes and sends a cumulative {@code PROGRESS} event at most once per {@link #INTERVAL},
 * {@link #done()} / {@link #skipped()} end it. For the build context:
 * <pre>{@code
 * TransferMeter m = TransferMeter.start(progress, TransferEvent.Kind.CONTEXT, "context", "context", -1);
 * ... m.add(bytesRead) for each file read ...
 * m.done();
 * }</pre>
 * Thread-safe; costs next to nothing when the listener draws no transfers.
 */
public final class TransferMeter {
  /** The least time between two {@code PROGRESS} events of one transfer. */
  public static final Duration INTERVAL = Duration.ofMillis(100);

  private final ProgressListener listener;
  private final TransferEvent.Kind kind;
  private final String id;
  private final String label;
  private final long total;
  private final LongSupplier nanos;
  private final long interval;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong lastSent;

  private TransferMeter(ProgressListener listener, TransferEvent.Kind kind, String id, String label, long total,
      LongSupplier nanos, Duration interval) {
    this.listener = listener;
    this.kind = kind;
    this.id = id;
    this.label = label;
    this.total = total;
    this.nanos = nanos;
    this.interval = interval.toNanos();
    this.lastSent = new AtomicLong(nanos.getAsLong());
  }

  /** Starts a transfer of {@code total} bytes ({@code -1}: unknown) and sends its {@code STARTED} event. */
  public static TransferMeter start(ProgressListener listener, TransferEvent.Kind kind, String id, String label,
      long total) {
    return start(listener, kind, id, label, total, System::nanoTime, INTERVAL);
  }

  static TransferMeter start(ProgressListener listener, TransferEvent.Kind kind, String id, String label, long total,
      LongSupplier nanos, Duration interval) {
    TransferMeter m = unstarted(listener, kind, id, label, total, nanos, interval);
    m.send(TransferEvent.Status.STARTED, 0);
    return m;
  }

  /** A meter that has sent nothing yet (for a transfer that is skipped or completed without a start). */
  static TransferMeter unstarted(ProgressListener listener, TransferEvent.Kind kind, String id, String label,
      long total, LongSupplier nanos, Duration interval) {
    return new TransferMeter(listener, kind, id, label, total, nanos, interval);
  }

  /** Counts {@code n} more bytes; sends a {@code PROGRESS} event if the last one is old enough. */
  public void add(long n) {
    long sum = bytes.addAndGet(n);
    long now = nanos.getAsLong();
    long last = lastSent.get();
    if (now - last >= interval && lastSent.compareAndSet(last, now)) {
      send(TransferEvent.Status.PROGRESS, total >= 0 ? Math.min(sum, total) : sum);
    }
  }

  /** The bytes counted so far. */
  public long bytes() {
    return bytes.get();
  }

  /** Ends the transfer: {@code DONE} with the known total, else the bytes counted. */
  public void done() {
    send(TransferEvent.Status.DONE, total >= 0 ? total : bytes.get());
  }

  /** Ends the transfer without moving bytes ({@code SKIPPED}: the destination had them). */
  public void skipped() {
    send(TransferEvent.Status.SKIPPED, 0);
  }

  private void send(TransferEvent.Status status, long n) {
    if (listener instanceof ProgressView) {
      ((ProgressView) listener).onTransfer(new TransferEvent(kind, id, label, status, n, total));
    }
  }
}
