package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A copied rootfs and the before-state to diff it against (see {@link CopySnapshotter}). An
 * unchanged file is reported after all when a changed entry is a hardlink of it (see {@link
 * Diffs#linkedUnchanged}); where the file had several names before the step, all of them are
 * reported, as the copy cannot tell which name the new link was made from.
 */
final class CopySnapshot implements Snapshot {
  private final Path work;
  private final Path rootfs;
  private final Map<String, FileMeta> before;
  private final Map<String, String> tags;
  private final Set<String> stubs;
  private boolean closed;

  CopySnapshot(Path work, Path rootfs, Map<String, FileMeta> before, Map<String, String> tags, List<String> stubs) {
    this.work = work;
    this.rootfs = rootfs;
    this.before = before;
    this.tags = tags;
    this.stubs = new HashSet<>(stubs);
  }

  @Override
  public Path rootfs() {
    return rootfs;
  }

  @Override
  public Path upper() {
    return rootfs;
  }

  @Override
  public List<DiffEntry> diff() throws IOException {
    List<DiffEntry> entries = new ArrayList<>();
    Map<String, Long> inodes = new HashMap<>();
    Map<String, FileMeta> after = new HashMap<>();
    List<String> recreated = new ArrayList<>();
    List<DiffEntry> stubDirs = new ArrayList<>();
    Map<String, Long> linked = new HashMap<>();
    Map<String, Path> unchangedPaths = new HashMap<>();
    Map<Path, List<Xattr>> xattrs = Xattrs.readTree(rootfs);
    Diffs.walkBelow(rootfs, p -> {
      String rel = Diffs.rel(rootfs, p);
      FileMeta m = FileMeta.read(p).withXattrs(xattrs.get(p));
      after.put(rel, m);
      if (m.type() == FileType.SOCKET) {
        return;
      }
      if (stubs.contains(rel)) {
        if (m.type() == FileType.DIRECTORY) {
          stubDirs.add(m.toEntry(rel, DiffEntry.Kind.ADDED_OR_MODIFIED, p));
        }
        return;
      }
      DiffEntry.Kind kind = null;
      FileMeta b = before.get(rel);
      if (under(recreated, rel) || b == null) {
        kind = DiffEntry.Kind.ADDED_OR_MODIFIED;
      } else if (m.type() == FileType.DIRECTORY && (b.type() != FileType.DIRECTORY || retagged(rel, p, m, b))) {
        kind = DiffEntry.Kind.OPAQUE_DIR;
        recreated.add(rel);
      } else if (!m.sameAs(b)) {
        kind = DiffEntry.Kind.ADDED_OR_MODIFIED;
      }
      if (kind != null) {
        entries.add(m.toEntry(rel, kind, p));
        if (kind == DiffEntry.Kind.ADDED_OR_MODIFIED) {
          inodes.put(rel, m.ino());
        }
      } else if (m.type() != FileType.DIRECTORY && m.nlink() > 1) {
        linked.put(rel, m.ino());
        unchangedPaths.put(rel, p);
      }
    });
    Map<String, Long> changed = new HashMap<>();
    for (DiffEntry e : entries) {
      if (e.kind() == DiffEntry.Kind.ADDED_OR_MODIFIED && e.type() != FileType.DIRECTORY) {
        changed.put(e.path(), inodes.get(e.path()));
      }
    }
    for (String rel : Diffs.linkedUnchanged(changed, linked)) {
      entries.add(after.get(rel).toEntry(rel, DiffEntry.Kind.ADDED_OR_MODIFIED, unchangedPaths.get(rel)));
      inodes.put(rel, linked.get(rel));
    }
    for (DiffEntry s : stubDirs) {
      if (entries.stream().anyMatch(e -> e.path().startsWith(s.path() + "/"))) {
        entries.add(s);
      }
    }
    for (Map.Entry<String, FileMeta> b : before.entrySet()) {
      String rel = b.getKey();
      if (after.containsKey(rel)) {
        continue;
      }
      String parent = Diffs.parent(rel);
      if (parent.isEmpty()
          || (after.containsKey(parent)
              && after.get(parent).type() == FileType.DIRECTORY
              && before.get(parent).type() == FileType.DIRECTORY
              && !recreated.contains(parent)
              && !under(recreated, parent))) {
        entries.add(DiffEntry.deleted(rel));
      }
    }
    return Diffs.finish(entries, inodes);
  }

  private static boolean under(List<String> dirs, String rel) {
    for (String d : dirs) {
      if (rel.startsWith(d + "/")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the directory at {@code rel} is not the one recorded before (deleted, re-created). */
  private boolean retagged(String rel, Path p, FileMeta now, FileMeta was) throws IOException {
    if (tags == null) {
      return now.ino() != was.ino();
    }
    UserDefinedFileAttributeView v =
        Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (!v.list().contains(CopySnapshotter.DIR_TAG)) {
      return true;
    }
    ByteBuffer buf = ByteBuffer.allocate(v.size(CopySnapshotter.DIR_TAG));
    v.read(CopySnapshotter.DIR_TAG, buf);
    return !new String(buf.array(), StandardCharsets.US_ASCII).equals(tags.get(rel));
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    if (Mounts.anyMountUnder(work)) {
      throw new IOException("removing snapshot " + work + ": something is still mounted below it");
    }
    Diffs.deleteRecursively(work);
    closed = true;
  }
}
