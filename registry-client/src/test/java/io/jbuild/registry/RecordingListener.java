package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts listener events per blob, for assertions. */
final class RecordingListener implements TransferListener {
  final Map<Digest, TransferListener.Skip> skipped = new ConcurrentHashMap<>();
  final Map<Digest, Integer> started = new ConcurrentHashMap<>();
  final Map<Digest, Integer> completed = new ConcurrentHashMap<>();
  final AtomicLong bytes = new AtomicLong();

  @Override
  public void started(Descriptor blob) {
    started.merge(blob.digest(), 1, Integer::sum);
  }

  @Override
  public void transferred(Descriptor blob, long n) {
    bytes.addAndGet(n);
  }

  @Override
  public void skipped(Descriptor blob, Skip reason) {
    skipped.put(blob.digest(), reason);
  }

  @Override
  public void completed(Descriptor blob) {
    completed.merge(blob.digest(), 1, Integer::sum);
  }
}
