package io.jbuild.oci.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes layer entries from directory trees, for snapshotters that copy rather than use overlay upper dirs.
 *
 * <p>{@link #diff} walks a lower tree and a new tree side by side (names sorted as in a layer) and emits: an entry
 * for every path that is new or changed in the new tree (a new or retyped directory with all its contents), a
 * {@link LayerEntry#whiteout} for every path gone from it, and the directories leading to any change, as
 * containerd's double-walking differ does. A path is changed when its type, mode, owner, size, mtime (to the
 * nanosecond), symlink target or {@code user.*} xattrs differ, or, for regular files whose mtimes carry no
 * sub-second part (coarse file systems), when their bytes differ. A new or changed file sharing its inode with an
 * unchanged path becomes a hard link to that path (present in the lower layers); otherwise files sharing an inode
 * become hard links to the first of them in layer order. Sockets are skipped; xattrs outside {@code user.} are not read.
 *
 * <p>File contents are read when the layer is written ({@link ContentSource#of(Path)}), so the new tree must not
 * change in between.
 */
public final class LayerDiff {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private LayerDiff() {}

  /** Every entry of a tree (its root excluded), e.g. for a first layer. */
  public static List<LayerEntry> tree(Path dir) throws IOException {
    return diff(null, dir);
  }

  /** The entries that turn {@code lower} (may be {@code null}: empty) into {@code upper}. */
  public static List<LayerEntry> diff(Path lower, Path upper) throws IOException {
    Walk walk = new Walk(upper);
    walk.compare(lower, upper, "");
    return walk.finish();
  }

  private static final class Walk {
    final Path upperRoot;
    final Map<String, LayerEntry> out = new TreeMap<>(LayerPaths.ORDER);
    final Map<String, Object> inodeKeys = new HashMap<>();

    Walk(Path upperRoot) {
      this.upperRoot = upperRoot;
    }

    void compare(Path lowerDir, Path upperDir, String rel) throws IOException {
      TreeMap<String, Path> lowers = children(lowerDir);
      TreeMap<String, Path> uppers = children(upperDir);
      for (Map.Entry<String, Path> u : uppers.entrySet()) {
        String path = rel.isEmpty() ? u.getKey() : rel + "/" + u.getKey();
        Path lowerPath = lowers.get(u.getKey());
        LayerEntry now = entry(u.getValue(), path);
        if (now == null) {
          continue;
        }
        LayerEntry before = lowerPath == null ? null : entry(lowerPath, path);
        if (before == null || before.type() != now.type()) {
          add(now);
          if (now.type() == EntryType.DIRECTORY) {
            compare(null, u.getValue(), path);
          }
          continue;
        }
        if (!sameMetadata(before, now) || (now.type() == EntryType.FILE && now.mtime().getNano() == 0
            && !sameBytes(lowerPath, u.getValue()))) {
          add(now);
        }
        if (now.type() == EntryType.DIRECTORY) {
          compare(lowerPath, u.getValue(), path);
        }
      }
      for (String name : lowers.keySet()) {
        if (!uppers.containsKey(name)) {
          String path = rel.isEmpty() ? name : rel + "/" + name;
          add(LayerEntry.whiteout(path));
        }
      }
    }

    void add(LayerEntry e) throws IOException {
      out.put(e.tarPath(), e);
      for (String p = LayerPaths.parent(e.path()); !p.isEmpty(); p = LayerPaths.parent(p)) {
        if (out.containsKey(p)) {
          break;
        }
        out.put(p, entry(upperRoot.resolve(p), p));
      }
    }

    List<LayerEntry> finish() {
      // hard links: link to an unchanged path of the same inode (it is in the lower layers), else the first
      // emitted path (in layer order) carries the content and the others link to it
      Map<Object, List<String>> byInode = new HashMap<>();
      for (Map.Entry<String, Object> k : inodeKeys.entrySet()) {
        byInode.computeIfAbsent(k.getValue(), x -> new ArrayList<>()).add(k.getKey());
      }
      List<LayerEntry> result = new ArrayList<>(out.size());
      Map<Object, String> first = new HashMap<>();
      for (LayerEntry e : out.values()) {
        Object key = e.type() == EntryType.FILE ? inodeKeys.get(e.path()) : null;
        if (key == null) {
          result.add(e);
          continue;
        }
        String unchanged = byInode.get(key).stream().filter(p -> !out.containsKey(p))
            .min(LayerPaths.ORDER).orElse(null);
        String target = unchanged != null ? unchanged : first.get(key);
        if (target != null) {
          result.add(e.withKind(EntryType.HARDLINK, 0, target, null).withXattrs(Map.of()));
        } else {
          first.put(key, e.path());
          result.add(e);
        }
      }
      return result;
    }

    LayerEntry entry(Path p, String path) throws IOException {
      Map<String, Object> a = Files.readAttributes(p, "unix:*", NOFOLLOW);
      int rawMode = (Integer) a.get("mode");
      int mode = rawMode & 07777;
      long uid = Integer.toUnsignedLong((Integer) a.get("uid"));
      long gid = Integer.toUnsignedLong((Integer) a.get("gid"));
      Instant mtime = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toInstant();
      LayerEntry e;
      switch (rawMode & 0170000) {
        case 0100000 -> {
          e = LayerEntry.file(path, (Long) a.get("size"), ContentSource.of(p));
          if ((Integer) a.get("nlink") > 1 && p.startsWith(upperRoot)) {
            inodeKeys.put(path, Arrays.asList(a.get("dev"), a.get("ino")));
          }
        }
        case 0040000 -> e = LayerEntry.directory(path);
        case 0120000 -> e = LayerEntry.symlink(path, Files.readSymbolicLink(p).toString());
        case 0020000, 0060000 -> {
          long rdev = (Long) a.get("rdev");
          long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
          long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
          e = LayerEntry.device(path, (rawMode & 0170000) == 0060000, major, minor);
        }
        case 0010000 -> e = LayerEntry.fifo(path);
        default -> {
          return null; // sockets: not part of images
        }
      }
      if (e.type() != EntryType.SYMLINK) {
        e = e.withMode(mode);
      }
      return e.withOwner(uid, gid).withMtime(mtime).withXattrs(userXattrs(p, e.type()));
    }

    private static Map<String, byte[]> userXattrs(Path p, EntryType type) {
      if (type == EntryType.SYMLINK || type == EntryType.FIFO || type.isDevice()) {
        return Map.of();
      }
      try {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class,
            NOFOLLOW);
        if (view == null) {
          return Map.of();
        }
        Map<String, byte[]> result = new TreeMap<>();
        for (String name : view.list()) {
          ByteBuffer buf = ByteBuffer.allocate(view.size(name));
          view.read(name, buf);
          result.put("user." + name, Arrays.copyOf(buf.array(), buf.position()));
        }
        return result;
      } catch (IOException | UnsupportedOperationException e) {
        return Map.of();
      }
    }

    private static boolean sameMetadata(LayerEntry a, LayerEntry b) {
      return a.equals(b.withPath(a.path())) && Objects.equals(a.linkTarget(), b.linkTarget());
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
      try (InputStream x = Files.newInputStream(a); InputStream y = Files.newInputStream(b)) {
        byte[] bx = new byte[65536];
        byte[] by = new byte[65536];
        while (true) {
          int nx = x.readNBytes(bx, 0, bx.length);
          int ny = y.readNBytes(by, 0, by.length);
          if (nx != ny || !Arrays.equals(bx, 0, nx, by, 0, ny)) {
            return false;
          }
          if (nx < bx.length) {
            return true;
          }
        }
      }
    }

    private static TreeMap<String, Path> children(Path dir) throws IOException {
      TreeMap<String, Path> result = new TreeMap<>(LayerPaths.ORDER);
      if (dir == null) {
        return result;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        for (Path p : s) {
          result.put(p.getFileName().toString(), p);
        }
      }
      return result;
    }
  }
}
