package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.InRoot;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers shared by the snapshotters: tree walks, diff order, hardlinks, recursive delete. */
final class Diffs {
  private Diffs() {}

  /** Orders paths component by component, so that a directory comes right before its entries. */
  static final Comparator<String> PATH_ORDER =
      (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
          int c = x[i].compareTo(y[i]);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.length, y.length);
      };

  /**
   * Sorts {@code entries} in {@link #PATH_ORDER} and links every non-directory entry whose source
   * shares an inode with an earlier entry to it.
   */
  static List<DiffEntry> finish(List<DiffEntry> entries, Map<String, Long> inodes) {
    List<DiffEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(DiffEntry::path, PATH_ORDER));
    Map<Long, String> first = new HashMap<>();
    List<DiffEntry> out = new ArrayList<>(sorted.size());
    for (DiffEntry e : sorted) {
      Long ino = inodes.get(e.path());
      if (e.kind() == DiffEntry.Kind.ADDED_OR_MODIFIED && e.type() != FileType.DIRECTORY && ino != null) {
        String prior = first.putIfAbsent(ino, e.path());
        if (prior != null) {
          out.add(e.withHardlinkTo(prior));
          continue;
        }
      }
      out.add(e);
    }
    return List.copyOf(out);
  }

  /**
   * The unchanged files that must join a diff because a changed entry is another name of them.
   * Linking a new name to a lower file makes overlayfs copy the file up, and BuildKit's layer then
   * holds the file itself and the new name as a hardlink to it (whichever comes first in layer
   * order is the file); without the file, the link would become a separate copy.
   *
   * @param changed path to inode of every added or modified non-directory entry of the diff
   * @param unchanged path to inode of every file left out of the diff as unchanged that has more
   *     than one link
   * @return the paths of {@code unchanged} sharing an inode with an entry of {@code changed}
   */
  static Set<String> linkedUnchanged(Map<String, Long> changed, Map<String, Long> unchanged) {
    Set<Long> inodes = new HashSet<>(changed.values());
    Set<String> out = new HashSet<>();
    for (Map.Entry<String, Long> u : unchanged.entrySet()) {
      if (inodes.contains(u.getValue())) {
        out.add(u.getKey());
      }
    }
    return out;
  }

  /** Relative {@code /}-joined path of {@code p} below {@code root}. */
  static String rel(Path root, Path p) {
    return String.join("/", InRoot.split(root.relativize(p).toString()));
  }

  /** What {@link #walkBelow} does with each entry. */
  @FunctionalInterface
  interface EntryAction {
    void accept(Path entry) throws IOException;
  }

  /**
   * Calls {@code action} for every entry below {@code root} (not {@code root} itself), a directory
   * before its entries, without following symlinks.
   */
  static void walkBelow(Path root, EntryAction action) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
            if (!dir.equals(root)) {
              action.accept(dir);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            action.accept(f);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes {@code p} recursively without following symlinks; missing is fine. */
  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Returns the parent of a relative path, or "" for a top-level path. */
  static String parent(String rel) {
    int i = rel.lastIndexOf('/');
    return i < 0 ? "" : rel.substring(0, i);
  }
}
