package io.jbuild.runtime.snapshot;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * One change of a step's filesystem, ready to become a layer tar entry.
 *
 * <ul>
 *   <li>{@link Kind#ADDED_OR_MODIFIED}: write the entry with these attributes; content (regular
 *       files) is read from {@link #source()}; when {@link #hardlinkTo()} is set, write a hardlink
 *       to that earlier entry of the same diff instead.
 *   <li>{@link Kind#DELETED}: write a whiteout {@code .wh.<name>}; only the path is meaningful.
 *   <li>{@link Kind#OPAQUE_DIR}: write the directory with these attributes and an opaque whiteout
 *       {@code <dir>/.wh..wh..opq}; every entry of the new directory follows in the diff.
 * </ul>
 *
 * @param path relative, {@code /}-separated, no leading {@code /}
 * @param mode permission bits including setuid, setgid and sticky ({@code mode & 07777})
 * @param mtime modification time (nanosecond precision where the filesystem has it)
 * @param size content size for regular files, else 0
 * @param linkTarget the target of a symlink, else null
 * @param hardlinkTo path of the earlier entry (in diff order) this one is a hardlink of, or null
 * @param devMajor device major for char/block devices, else 0
 * @param devMinor device minor for char/block devices, else 0
 * @param xattrs extended attributes, sorted by name, overlay and jbuild internals excluded
 * @param source the absolute host path to read content from; valid until the snapshot is closed
 */
public record DiffEntry(
    String path,
    Kind kind,
    FileType type,
    int mode,
    long uid,
    long gid,
    FileTime mtime,
    long size,
    String linkTarget,
    String hardlinkTo,
    long devMajor,
    long devMinor,
    List<Xattr> xattrs,
    Path source) {

  /** What happened to the path. */
  public enum Kind {
    ADDED_OR_MODIFIED,
    DELETED,
    OPAQUE_DIR
  }

  public DiffEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("diff path must be relative and non-empty: " + path);
    }
    xattrs = List.copyOf(xattrs);
  }

  /** A whiteout for {@code path}. */
  public static DiffEntry deleted(String path) {
    return new DiffEntry(path, Kind.DELETED, null, 0, 0, 0, null, 0, null, null, 0, 0, List.of(), null);
  }

  /** Returns a copy that is a hardlink to {@code target}. */
  public DiffEntry withHardlinkTo(String target) {
    return new DiffEntry(path, kind, type, mode, uid, gid, mtime, size, linkTarget, target, devMajor, devMinor, xattrs, source);
  }
}
