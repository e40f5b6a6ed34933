package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lstat-level metadata of one file, as compared by the diff: a change of any field except
 * inode, device and nlink makes a file "modified" (size is ignored for directories). The inode and
 * nlink serve to find the other names of a hardlinked file. Content is
 * not compared: like containerd's walking differ, equal metadata means equal file.
 */
record FileMeta(
    FileType type,
    int mode,
    long uid,
    long gid,
    long size,
    FileTime mtime,
    String linkTarget,
    long rdev,
    long ino,
    long dev,
    int nlink,
    List<Xattr> xattrs) {

  /** Prefixes of xattrs that belong to overlayfs or jbuild and are never part of a diff. */
  static final List<String> INTERNAL_XATTRS = List.of("user.overlay.", "trusted.overlay.", "user.jbuild.");

  /** Reads the metadata of {@code p} without following a final symlink; xattrs are left empty. */
  static FileMeta read(Path p) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    FileType type = FileType.fromMode(mode);
    String link = type == FileType.SYMLINK ? Files.readSymbolicLink(p).toString() : null;
    return new FileMeta(
        type,
        mode & 07777,
        ((Integer) a.get("uid")) & 0xffffffffL,
        ((Integer) a.get("gid")) & 0xffffffffL,
        type == FileType.REGULAR ? (Long) a.get("size") : 0,
        (FileTime) a.get("lastModifiedTime"),
        link,
        type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE ? (Long) a.get("rdev") : 0,
        (Long) a.get("ino"),
        (Long) a.get("dev"),
        (Integer) a.get("nlink"),
        List.of());
  }

  /** Returns a copy with these xattrs (see {@link Xattrs}). */
  FileMeta withXattrs(List<Xattr> x) {
    return new FileMeta(type, mode, uid, gid, size, mtime, linkTarget, rdev, ino, dev, nlink, x == null ? List.of() : x);
  }

  /** The {@code user.*} xattrs of a regular file or directory, internal ones excluded, sorted. */
  static List<Xattr> userXattrs(Path p) throws IOException {
    UserDefinedFileAttributeView v =
        Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (v == null) {
      return List.of();
    }
    List<Xattr> out = new ArrayList<>();
    List<String> names;
    try {
      names = v.list();
    } catch (IOException | UnsupportedOperationException e) {
      return List.of();
    }
    for (String n : names) {
      String full = "user." + n;
      if (INTERNAL_XATTRS.stream().anyMatch(full::startsWith)) {
        continue;
      }
      ByteBuffer b = ByteBuffer.allocate(v.size(n));
      v.read(n, b);
      out.add(new Xattr(full, b.array()));
    }
    out.sort(Comparator.comparing(Xattr::name));
    return out;
  }

  /** Device major number of {@link #rdev} (Linux encoding). */
  long major() {
    return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
  }

  /** Device minor number of {@link #rdev} (Linux encoding). */
  long minor() {
    return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
  }

  /** Returns {@code true} for an overlay whiteout: a character device 0/0. */
  boolean isWhiteout() {
    return type == FileType.CHAR_DEVICE && rdev == 0;
  }

  /** Equal as far as a diff is concerned (see the class comment). */
  boolean sameAs(FileMeta o) {
    return type == o.type
        && mode == o.mode
        && uid == o.uid
        && gid == o.gid
        && (type == FileType.DIRECTORY || size == o.size)
        && mtime.equals(o.mtime)
        && Objects.equals(linkTarget, o.linkTarget)
        && rdev == o.rdev
        && xattrs.equals(o.xattrs);
  }

  /** The diff entry for this file at {@code path}, read from {@code source}. */
  DiffEntry toEntry(String path, DiffEntry.Kind kind, Path source) {
    return new DiffEntry(
        path, kind, type, mode, uid, gid, mtime, size, linkTarget, null, major(), minor(), xattrs, source);
  }
}
