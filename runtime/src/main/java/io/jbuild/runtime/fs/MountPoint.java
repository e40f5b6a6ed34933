package io.jbuild.runtime.fs;

import java.util.Objects;

/**
 * A mount point the container needs inside its rootfs: an absolute container path and whether the
 * mounted thing is a directory (else a file). Snapshotters make sure it exists without it ever
 * appearing in the diff.
 */
public record MountPoint(String path, boolean directory) {
  public MountPoint {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || InRoot.split(path).isEmpty()) {
      throw new IllegalArgumentException("mount point must be an absolute path below /: " + path);
    }
  }
}
