package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.MountPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Overlayfs snapshots ({@code userxattr} flavour). The lower directories are linked as {@code
 * l/0}, {@code l/1}, ... and the overlay is mounted from inside the work directory with relative
 * paths only, so the option string stays far below the page-size limit for up to overlayfs's 500
 * layers and no path can inject {@code ,} or {@code :} into it. Missing mount points live in an extra
 * top-most lower layer {@code stubs/}, so they are visible in the rootfs but never in the upper.
 */
final class OverlaySnapshotter implements Snapshotter {
  /** overlayfs's limit on lower layers (stubs and the empty layer included). */
  static final int MAX_LOWERS = 499;

  @Override
  public String name() {
    return "overlayfs";
  }

  @Override
  public Snapshot prepare(List<Path> lowerDirs, Path workDir, List<MountPoint> mountPoints) throws IOException {
    if (lowerDirs.size() > MAX_LOWERS) {
      throw new IOException(
          "preparing overlay with " + lowerDirs.size() + " layers: overlayfs supports at most " + MAX_LOWERS);
    }
    Files.createDirectories(workDir);
    Path work = workDir.toRealPath();
    Path links = Files.createDirectory(work.resolve("l"));
    Path upper = Files.createDirectory(work.resolve("upper"));
    Files.createDirectory(work.resolve("work"));
    Path merged = Files.createDirectory(work.resolve("merged"));
    OverlaySnapshot snap = new OverlaySnapshot(work, merged, upper, lowerDirs);
    try {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < lowerDirs.size(); i++) {
        Files.createSymbolicLink(links.resolve(Integer.toString(i)), lowerDirs.get(i).toAbsolutePath());
        names.add(Integer.toString(i));
      }
      if (names.isEmpty()) {
        Files.createDirectory(work.resolve("empty"));
        Files.createSymbolicLink(links.resolve("e"), work.resolve("empty"));
        names.add("e");
      }
      mount(work, names, merged);
      if (!mountPoints.isEmpty()) {
        Path stubs = Files.createDirectory(work.resolve("stubs"));
        Files.createSymbolicLink(links.resolve("s"), stubs);
        List<String> created = Stubs.create(merged, stubs, mountPoints);
        if (!created.isEmpty()) {
          Mounts.unmount(merged);
          List<String> withStubs = new ArrayList<>();
          withStubs.add("s");
          withStubs.addAll(names);
          mount(work, withStubs, merged);
        }
      }
      return snap;
    } catch (IOException | RuntimeException e) {
      try {
        snap.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static void mount(Path work, List<String> lowers, Path merged) throws IOException {
    List<String> rel = new ArrayList<>();
    for (String l : lowers) {
      rel.add("l/" + l);
    }
    String options = "userxattr,lowerdir=" + String.join(":", rel) + ",upperdir=upper,workdir=work";
    Mounts.mountOverlay(work, options, merged);
  }
}
