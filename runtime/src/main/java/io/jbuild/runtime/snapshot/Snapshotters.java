package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Creates {@link Snapshotter}s. */
public final class Snapshotters {
  private Snapshotters() {}

  /** The overlayfs snapshotter (needs root or a user namespace, and overlayfs with userxattr). */
  public static Snapshotter overlay() {
    return new OverlaySnapshotter();
  }

  /** The copy-and-walk snapshotter: works everywhere, costs a copy of the image per step. */
  public static Snapshotter copy() {
    return new CopySnapshotter();
  }

  /**
   * The overlay snapshotter if an overlay with {@code userxattr} can be mounted with its upper
   * directory under {@code workRoot} (tried once, in a temporary directory there), else the copy
   * snapshotter.
   */
  public static Snapshotter detect(Path workRoot) {
    Path probe = null;
    try {
      Files.createDirectories(workRoot);
      probe = Files.createTempDirectory(workRoot, "probe");
      Path lower = Files.createDirectory(probe.resolve("lower"));
      Files.writeString(lower.resolve("f"), "x");
      try (Snapshot s = overlay().prepare(List.of(lower), probe.resolve("snap"), List.of())) {
        Files.writeString(s.rootfs().resolve("g"), "y");
        Files.delete(s.rootfs().resolve("f"));
        if (s.diff().size() == 2) {
          return overlay();
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall back below
    } finally {
      if (probe != null) {
        try {
          Diffs.deleteRecursively(probe);
        } catch (IOException ignored) {
          // a leftover probe directory is harmless
        }
      }
    }
    return copy();
  }

  /**
   * A snapshotter that runs {@link #detect} only when the first snapshot is prepared, and at most
   * once: builds that need no filesystem view (every step cached) pay nothing for the probe.
   */
  public static Snapshotter lazyDetect(Path workRoot) {
    return new LazySnapshotter(workRoot);
  }
}
