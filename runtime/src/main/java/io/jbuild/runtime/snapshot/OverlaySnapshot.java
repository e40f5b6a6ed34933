package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mounted overlay. The diff walks the upper directory only: whiteouts become {@link
 * DiffEntry.Kind#DELETED}, opaque directories {@link DiffEntry.Kind#OPAQUE_DIR} (everything below
 * them is added), other entries are compared with the lower view and reported when their
 * metadata differs (directories copied up only because a child changed are skipped). An unchanged
 * copy-up is reported after all when a changed entry is a hardlink of it (see {@link
 * Diffs#linkedUnchanged}).
 */
final class OverlaySnapshot implements Snapshot {
  private final Path work;
  private final Path merged;
  private final Path upper;
  private final LowerView lowers;
  private boolean closed;

  OverlaySnapshot(Path work, Path merged, Path upper, List<Path> lowerDirs) {
    this.work = work;
    this.merged = merged;
    this.upper = upper;
    this.lowers = new LowerView(lowerDirs);
  }

  @Override
  public Path rootfs() {
    return merged;
  }

  @Override
  public Path upper() {
    return upper;
  }

  /** One upper entry that goes into the diff, or may once its xattrs are compared. */
  private record Candidate(String rel, DiffEntry.Kind kind, FileMeta meta, Path upperPath, Path lowerPath) {}

  @Override
  public List<DiffEntry> diff() throws IOException {
    List<Candidate> emit = new ArrayList<>();
    List<Candidate> pending = new ArrayList<>();
    List<DiffEntry> whiteouts = new ArrayList<>();
    Set<String> freshDirs = new HashSet<>();
    Diffs.walkBelow(upper, p -> {
      String rel = Diffs.rel(upper, p);
      FileMeta m = FileMeta.read(p);
      if (m.type() == FileType.SOCKET) {
        return;
      }
      if (m.isWhiteout()) {
        whiteouts.add(DiffEntry.deleted(rel));
        return;
      }
      boolean dir = m.type() == FileType.DIRECTORY;
      boolean fresh = freshDirs.contains(Diffs.parent(rel)); // nothing below a new or opaque dir is in the lowers
      if (dir && OverlayFormat.isOpaque(p)) {
        freshDirs.add(rel);
        emit.add(new Candidate(rel, DiffEntry.Kind.OPAQUE_DIR, m, p, null));
        return;
      }
      if (!fresh) {
        Optional<Path> below = lowers.lookup(rel);
        if (below.isEmpty() && dir) {
          freshDirs.add(rel);
        }
        if (below.isPresent() && FileMeta.read(below.get()).sameAs(m)) {
          pending.add(new Candidate(rel, DiffEntry.Kind.ADDED_OR_MODIFIED, m, p, below.get()));
          return;
        }
      } else if (dir) {
        freshDirs.add(rel);
      }
      emit.add(new Candidate(rel, DiffEntry.Kind.ADDED_OR_MODIFIED, m, p, null));
    });
    List<Path> toRead = new ArrayList<>();
    for (Candidate c : emit) {
      toRead.add(c.upperPath());
    }
    for (Candidate c : pending) {
      toRead.add(c.upperPath());
      toRead.add(c.lowerPath());
    }
    Map<Path, List<Xattr>> xattrs = Xattrs.read(toRead);
    Map<String, Long> linked = new HashMap<>();
    List<Candidate> unchanged = new ArrayList<>();
    for (Candidate c : pending) {
      if (!xattrs.getOrDefault(c.upperPath(), List.of()).equals(xattrs.getOrDefault(c.lowerPath(), List.of()))) {
        emit.add(c);
      } else if (c.meta().type() != FileType.DIRECTORY && c.meta().nlink() > 1) {
        linked.put(c.rel(), c.meta().ino());
        unchanged.add(c);
      }
    }
    Map<String, Long> changed = new HashMap<>();
    for (Candidate c : emit) {
      if (c.kind() == DiffEntry.Kind.ADDED_OR_MODIFIED && c.meta().type() != FileType.DIRECTORY) {
        changed.put(c.rel(), c.meta().ino());
      }
    }
    Set<String> keep = Diffs.linkedUnchanged(changed, linked);
    for (Candidate c : unchanged) {
      if (keep.contains(c.rel())) {
        emit.add(c);
      }
    }
    List<DiffEntry> entries = new ArrayList<>(whiteouts);
    Map<String, Long> inodes = new HashMap<>();
    for (Candidate c : emit) {
      FileMeta m = c.meta().withXattrs(xattrs.get(c.upperPath()));
      entries.add(m.toEntry(c.rel(), c.kind(), c.upperPath()));
      if (c.kind() == DiffEntry.Kind.ADDED_OR_MODIFIED) {
        inodes.put(c.rel(), m.ino());
      }
    }
    return Diffs.finish(entries, inodes);
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    Mounts.unmount(merged);
    if (Mounts.anyMountUnder(work)) {
      throw new IOException("removing snapshot " + work + ": something is still mounted below it");
    }
    Diffs.deleteRecursively(work);
    closed = true;
  }
}
