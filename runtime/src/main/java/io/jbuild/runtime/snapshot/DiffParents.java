package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the unchanged parent directories of every diff entry, as containerd's tar writer (and so
 * BuildKit) puts them into a layer: a layer that changes {@code etc/passwd} also carries an {@code
 * etc/} entry with the directory's current attributes.
 */
public final class DiffParents {
  private DiffParents() {}

  /**
   * Returns {@code diff} with an {@link DiffEntry.Kind#ADDED_OR_MODIFIED} directory entry for every
   * missing ancestor of an entry, read from {@code rootfs} (the snapshot's rootfs, still mounted),
   * in path order.
   */
  public static List<DiffEntry> include(List<DiffEntry> diff, Path rootfs) throws IOException {
    Set<String> present = new HashSet<>();
    for (DiffEntry e : diff) {
      present.add(e.path());
    }
    Map<String, Path> missing = new LinkedHashMap<>();
    for (DiffEntry e : diff) {
      for (String p = Diffs.parent(e.path()); !p.isEmpty(); p = Diffs.parent(p)) {
        if (present.contains(p) || missing.containsKey(p)) {
          break;
        }
        missing.put(p, rootfs.resolve(p));
      }
    }
    if (missing.isEmpty()) {
      return diff;
    }
    Map<Path, List<Xattr>> xattrs = Xattrs.read(missing.values());
    List<DiffEntry> out = new ArrayList<>(diff);
    for (Map.Entry<String, Path> m : missing.entrySet()) {
      FileMeta meta = FileMeta.read(m.getValue()).withXattrs(xattrs.get(m.getValue()));
      if (meta.type() != FileType.DIRECTORY) {
        throw new IOException("adding parent " + m.getKey() + " of a diff entry: not a directory in " + rootfs);
      }
      out.add(meta.toEntry(m.getKey(), DiffEntry.Kind.ADDED_OR_MODIFIED, m.getValue()));
    }
    out.sort(java.util.Comparator.comparing(DiffEntry::path, Diffs.PATH_ORDER));
    return List.copyOf(out);
  }
}
