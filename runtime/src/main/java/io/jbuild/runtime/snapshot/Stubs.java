package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.InRoot;
import io.jbuild.runtime.fs.MountPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the mount points a container needs that its rootfs lacks, so that the runtime does not
 * create them (and they never reach a diff). Existing parent directories keep their mtime.
 */
final class Stubs {
  private Stubs() {}

  /**
   * For every mount point missing in {@code view}, creates it (and its missing parents) under
   * {@code target}. When {@code target} is another directory than {@code view} (a stub layer),
   * the existing parents are mirrored there with their mode, owner and mtime. Returns the relative
   * paths created in place of missing ones.
   */
  static List<String> create(Path view, Path target, List<MountPoint> mountPoints) throws IOException {
    boolean separate = !view.equals(target);
    Map<String, FileTime> restore = new LinkedHashMap<>();
    List<String> created = new ArrayList<>();
    for (MountPoint mp : mountPoints) {
      List<String> comps = InRoot.resolveComponents(view, mp.path());
      if (comps.isEmpty() || Files.exists(view.resolve(String.join("/", comps)), LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (int i = 1; i <= comps.size(); i++) {
        String rel = String.join("/", comps.subList(0, i));
        Path v = view.resolve(rel);
        Path t = target.resolve(rel);
        boolean last = i == comps.size();
        if (Files.exists(v, LinkOption.NOFOLLOW_LINKS)) {
          if (!Files.isDirectory(v, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("creating mount point " + mp.path() + ": /" + rel + " is not a directory");
          }
          if (!restore.containsKey(rel)) {
            FileMeta m = FileMeta.read(v);
            if (separate && !Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
              Files.createDirectory(t);
              Files.setAttribute(t, "unix:mode", m.mode(), LinkOption.NOFOLLOW_LINKS);
              Files.setAttribute(t, "unix:uid", (int) m.uid(), LinkOption.NOFOLLOW_LINKS);
              Files.setAttribute(t, "unix:gid", (int) m.gid(), LinkOption.NOFOLLOW_LINKS);
            }
            restore.put(rel, m.mtime());
          }
        } else if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
          if (last && !mp.directory()) {
            Files.createFile(t);
          } else {
            Files.createDirectory(t);
          }
          created.add(rel);
        }
      }
    }
    List<String> dirs = new ArrayList<>(restore.keySet());
    dirs.sort(Diffs.PATH_ORDER.reversed());
    for (String rel : dirs) {
      Files.setLastModifiedTime(target.resolve(rel), restore.get(rel));
    }
    return List.copyOf(created);
  }
}
