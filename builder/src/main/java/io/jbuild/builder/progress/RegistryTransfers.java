package io.jbuild.builder.progress;

import io.jbuild.oci.Descriptor;
import io.jbuild.registry.TransferListener;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Turns the registry client's {@link TransferListener} callbacks into {@link TransferEvent}s for a
 * progress listener: pass {@code RegistryTransfers.of(progress, Kind.PULL)} to {@code RegistryClient.pull}
 * and {@code RegistryTransfers.of(progress, Kind.PUSH)} to {@code push}. Byte deltas become cumulative
 * counts; {@code PROGRESS} events are sent at most every 100 ms per blob (so {@code rawjson} stays small),
 * {@code STARTED}, {@code DONE} and {@code SKIPPED} always. When the listener draws no transfers this
 * returns {@link TransferListener#NONE}.
 */
public final class RegistryTransfers {
  private RegistryTransfers() {}

  /** A transfer listener reporting blobs of the given kind to {@code progress}. */
  public static TransferListener of(ProgressListener progress, TransferEvent.Kind kind) {
    if (!(progress instanceof ProgressView)) {
      return TransferListener.NONE;
    }
    return of((ProgressView) progress, kind, System::nanoTime, TransferMeter.INTERVAL);
  }

  /** The same with an explicit clock (nanoseconds) and interval, for tests. */
  static TransferListener of(ProgressView view, TransferEvent.Kind kind, LongSupplier nanos, Duration interval) {
    return new Adapter(view, kind, nanos, interval);
  }

  /** The label shown for a blob: {@code sha256:} and 12 hex digits. */
  static String label(Descriptor blob) {
    return blob.digest().algorithm() + ":" + blob.digest().shortHex();
  }

  private static final class Adapter implements TransferListener {
    private final ProgressView view;
    private final TransferEvent.Kind kind;
    private final LongSupplier nanos;
    private final Duration interval;
    private final ConcurrentMap<String, TransferMeter> meters = new ConcurrentHashMap<>();

    Adapter(ProgressView view, TransferEvent.Kind kind, LongSupplier nanos, Duration interval) {
      this.view = view;
      this.kind = kind;
      this.nanos = nanos;
      this.interval = interval;
    }

    private TransferMeter start(Descriptor blob) {
      return TransferMeter.start(view, kind, blob.digest().toString(), label(blob), blob.size(), nanos, interval);
    }

    private TransferMeter unstarted(Descriptor blob) {
      return TransferMeter.unstarted(view, kind, blob.digest().toString(), label(blob), blob.size(), nanos, interval);
    }

    @Override
    public void started(Descriptor blob) {
      meters.put(blob.digest().toString(), start(blob));
    }

    @Override
    public void transferred(Descriptor blob, long bytes) {
      meters.computeIfAbsent(blob.digest().toString(), k -> start(blob)).add(bytes);
    }

    @Override
    public void skipped(Descriptor blob, Skip reason) {
      TransferMeter m = meters.remove(blob.digest().toString());
      (m == null ? unstarted(blob) : m).skipped();
    }

    @Override
    public void completed(Descriptor blob) {
      TransferMeter m = meters.remove(blob.digest().toString());
      (m == null ? unstarted(blob) : m).done();
    }
  }
}
