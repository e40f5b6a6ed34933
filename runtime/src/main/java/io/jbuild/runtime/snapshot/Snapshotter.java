package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.MountPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Stacks layer directories into a writable rootfs for one step. Make them with {@link Snapshotters}. */
public interface Snapshotter {
  /**
   * Prepares a writable rootfs over {@code lowerDirs} (top-most first; may be empty). The lower
   * directories are never modified. {@code mountPoints} are made to exist in the rootfs (when
   * missing) without ever appearing in {@link Snapshot#diff()}.
   *
   * @param workDir an empty or missing directory owned by the snapshot; removed by {@link
   *     Snapshot#close()}
   */
  Snapshot prepare(List<Path> lowerDirs, Path workDir, List<MountPoint> mountPoints) throws IOException;

  /** A short name for messages: {@code overlayfs} or {@code copy}. */
  String name();
}
