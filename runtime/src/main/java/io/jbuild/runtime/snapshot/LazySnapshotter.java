package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.MountPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@link Snapshotters#detect} deferred to the first {@link #prepare} and then remembered. */
final class LazySnapshotter implements Snapshotter {
  private final Path workRoot;
  private volatile Snapshotter chosen;

  LazySnapshotter(Path workRoot) {
    this.workRoot = workRoot;
  }

  private Snapshotter chosen() {
    Snapshotter s = chosen;
    if (s == null) {
      synchronized (this) {
        s = chosen;
        if (s == null) {
          s = Snapshotters.detect(workRoot);
          chosen = s;
        }
      }
    }
    return s;
  }

  @Override
  public Snapshot prepare(List<Path> lowerDirs, Path workDir, List<MountPoint> mountPoints) throws IOException {
    return chosen().prepare(lowerDirs, workDir, mountPoints);
  }

  @Override
  public String name() {
    return chosen().name();
  }
}
