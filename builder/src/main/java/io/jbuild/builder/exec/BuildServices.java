package io.jbuild.builder.exec;

import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.cache.StepRecorder;
import io.jbuild.builder.cache.StepSource;
import io.jbuild.builder.copy.CopyKeyMemo;
import io.jbuild.builder.progress.ProgressListener;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.oci.Platform;
import io.jbuild.runtime.StepExecutor;
import io.jbuild.runtime.snapshot.Snapshotter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What every stage of one build shares: the store, the step cache (where results are written), the
 * step lookup (local cache, maybe backed by imported remote caches) and recorder (for
 * {@code --cache-to}), the layer maker, the snapshotter
 * and RUN executor, progress, and the build-wide settings ({@code --no-cache}, the target platform,
 * {@code SOURCE_DATE_EPOCH} (null: real time), compression name, network mode, scratch directory), and
 * the work started ahead of need ({@link BackgroundWork}, closed when the build ends), and the
 * remembered COPY key digests ({@link CopyKeyMemo}; null: none).
 */
public record BuildServices(
    LocalImageStore store,
    StepCache cache,
    StepSource lookup,
    StepRecorder recorder,
    LayerMaker layers,
    Snapshotter snapshotter,
    StepExecutor runner,
    ProgressListener progress,
    boolean noCache,
    Platform platform,
    Instant sourceDateEpoch,
    String compression,
    String network,
    Path scratch,
    BackgroundWork ahead,
    CopyKeyMemo copyKeys) {

  /** The timestamp for new history entries and the config: the epoch when set, else now. */
  public Instant now() {
    return sourceDateEpoch != null ? sourceDateEpoch : Instant.now();
  }
}
