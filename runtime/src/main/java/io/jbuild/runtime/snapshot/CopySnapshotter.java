package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.MountPoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback when overlayfs is unavailable: the lower layers are merged into a plain directory
 * ({@code cp -a} per layer, bottom first, applying whiteouts and opaque directories), its metadata
 * recorded, and the diff is a walk comparing before and after. Every directory is tagged with a
 * {@code user.jbuild.dir} xattr (or, where user xattrs are unsupported, its inode is kept) so that a
 * directory deleted and re-created is reported as {@link DiffEntry.Kind#OPAQUE_DIR}, as overlayfs
 * reports it. Cost is proportional to the image size.
 */
final class CopySnapshotter implements Snapshotter {
  static final String DIR_TAG = "jbuild.dir";

  @Override
  public String name() {
    return "copy";
  }

  @Override
  public Snapshot prepare(List<Path> lowerDirs, Path workDir, List<MountPoint> mountPoints) throws IOException {
    Files.createDirectories(workDir);
    Path work = workDir.toRealPath();
    Path rootfs = Files.createDirectory(work.resolve("rootfs"));
    try {
      for (int i = lowerDirs.size() - 1; i >= 0; i--) {
        merge(lowerDirs.get(i).toAbsolutePath(), rootfs);
      }
      Map<String, FileMeta> before = new HashMap<>();
      Map<String, String> tags = new HashMap<>();
      boolean tagged = tagAndRecord(rootfs, before, tags);
      for (Map.Entry<Path, List<Xattr>> x : Xattrs.readTree(rootfs).entrySet()) {
        String rel = Diffs.rel(rootfs, x.getKey());
        FileMeta m = before.get(rel);
        if (m != null) {
          before.put(rel, m.withXattrs(x.getValue()));
        }
      }
      List<String> stubs = Stubs.create(rootfs, rootfs, mountPoints);
      return new CopySnapshot(work, rootfs, before, tagged ? tags : null, stubs);
    } catch (IOException | RuntimeException e) {
      Diffs.deleteRecursively(work);
      throw e;
    }
  }

  /** Applies one overlay-format layer onto {@code target}. */
  static void merge(Path layer, Path target) throws IOException {
    List<String> whiteouts = new ArrayList<>();
    Files.walkFileTree(
        layer,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
            if (dir.equals(layer)) {
              return FileVisitResult.CONTINUE;
            }
            Path t = target.resolve(Diffs.rel(layer, dir));
            if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)
                && (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS) || OverlayFormat.isOpaque(dir))) {
              Diffs.deleteRecursively(t);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            String rel = Diffs.rel(layer, f);
            Path t = target.resolve(rel);
            if (OverlayFormat.isWhiteout(f)) {
              whiteouts.add(rel);
              Diffs.deleteRecursively(t);
            } else if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
              Diffs.deleteRecursively(t);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Mounts.exec(
        null,
        List.of("cp", "-a", "--remove-destination", layer + "/.", target + "/"),
        "copying layer " + layer);
    for (String w : whiteouts) {
      Files.deleteIfExists(target.resolve(w));
    }
  }

  /**
   * Records every entry's metadata and tags every directory; returns false (and keeps inodes
   * instead) if the filesystem has no user xattrs.
   */
  private static boolean tagAndRecord(Path rootfs, Map<String, FileMeta> before, Map<String, String> tags)
      throws IOException {
    boolean[] tagged = {true};
    long[] seq = {0};
    Diffs.walkBelow(rootfs, p -> {
      String rel = Diffs.rel(rootfs, p);
      FileMeta meta = FileMeta.read(p);
      before.put(rel, meta);
      if (meta.type() == FileType.DIRECTORY && tagged[0]) {
        String tag = Long.toString(++seq[0]);
        try {
          UserDefinedFileAttributeView v =
              Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
          v.write(DIR_TAG, ByteBuffer.wrap(tag.getBytes(StandardCharsets.US_ASCII)));
          tags.put(rel, tag);
        } catch (IOException | UnsupportedOperationException e) {
          tagged[0] = false;
        }
      }
    });
    return tagged[0];
  }
}
