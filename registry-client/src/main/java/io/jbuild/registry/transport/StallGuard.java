package io.jbuild.registry.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for response bodies, which the JDK's HTTP client lacks: while a body is being read,
 * a shared daemon timer closes it once no byte arrived for {@code timeout}, so that the blocked read
 * fails (and the download is retried, resuming with a Range request) instead of hanging forever.
 */
final class StallGuard implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "jbuild-stall-guard");
    t.setDaemon(true);
    return t;
  });

  private final Closeable stream;
  private final long timeoutNanos;
  private final ScheduledFuture<?> check;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean stalled;

  private StallGuard(Closeable stream, Duration timeout) {
    this.stream = stream;
    this.timeoutNanos = timeout.toNanos();
    long period = Math.max(50, timeout.toMillis() / 4);
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** Starts watching {@code stream}. */
  static StallGuard watch(Closeable stream, Duration timeout) {
    return new StallGuard(stream, timeout);
  }

  /** Records that bytes arrived. */
  void progress() {
    lastProgress = System.nanoTime();
  }

  /** True when the guard closed the stream. */
  boolean stalled() {
    return stalled;
  }

  private void check() {
    if (!stalled && System.nanoTime() - lastProgress > timeoutNanos) {
      stalled = true;
      try {
        stream.close();
      } catch (IOException ignored) {
        // the reader sees the failure
      }
      check.cancel(false);
    }
  }

  @Override
  public void close() {
    check.cancel(false);
  }
}
