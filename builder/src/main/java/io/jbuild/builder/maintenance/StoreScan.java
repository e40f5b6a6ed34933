package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lists what a home holds, by kind, without reading content. The names it recognises are exactly
 * those the builder writes (see {@link JbuildHome}); unknown names are left alone. Temp items are:
 * {@code tmp/ingest/blob-*.tmp} (blob writes), {@code tmp/*} other than {@code ingest} (build scratch
 * directories), {@code cache/.*.tmp} (entry writes), {@code .index-*.tmp} (name index writes),
 * {@code statcache/[<context>/]*.tmp} (stat cache writes), {@code layers/.tmp-*} (half-extracted layers, never
 * trusted: complete ones are renamed to their diff id) and {@code cachemounts/.new*} (cache mount directories being created).
 */
final class StoreScan {
  static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");

  private final JbuildHome home;

  StoreScan(JbuildHome home) {
    this.home = home;
  }

  Path blobDir() {
    return home.root().resolve("blobs").resolve("sha256");
  }

  Path cacheMountDir() {
    return home.root().resolve("cachemounts");
  }

  Path ingestDir() {
    return home.tmp().resolve("ingest");
  }

  List<StoreItem> blobs() throws IOException {
    return list(blobDir(), StoreItem.Kind.BLOB, true);
  }

  List<StoreItem> cacheEntries() throws IOException {
    return list(home.cache(), StoreItem.Kind.CACHE_ENTRY, true);
  }

  List<StoreItem> layers() throws IOException {
    return list(home.layers(), StoreItem.Kind.LAYER, false);
  }

  List<StoreItem> cacheMounts() throws IOException {
    return list(cacheMountDir(), StoreItem.Kind.CACHE_MOUNT, false);
  }

  List<StoreItem> temps() throws IOException {
    List<StoreItem> out = new ArrayList<>();
    for (Path p : children(ingestDir())) {
      if (name(p).startsWith("blob-") && name(p).endsWith(".tmp")) {
        out.add(temp(p));
      }
    }
    for (Path p : children(home.tmp())) {
      if (!name(p).equals("ingest")) {
        out.add(temp(p));
      }
    }
    for (Path p : children(home.cache())) {
      if (name(p).startsWith(".") && name(p).endsWith(".tmp")) {
        out.add(temp(p));
      }
    }
    for (Path p : children(home.root())) {
      if (name(p).startsWith(".index-") && name(p).endsWith(".tmp")) {
        out.add(temp(p));
      }
    }
    for (Path p : children(home.statCache())) {
      if (name(p).endsWith(".tmp")) {
        out.add(temp(p));
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        for (Path q : children(p)) { // one directory per build context
          if (name(q).endsWith(".tmp")) {
            out.add(temp(q));
          }
        }
      }
    }
    for (Path p : children(home.layers())) {
      if (name(p).startsWith(".tmp-")) {
        out.add(temp(p));
      }
    }
    for (Path p : children(cacheMountDir())) {
      if (name(p).startsWith(".new")) {
        out.add(temp(p));
      }
    }
    return out;
  }

  private List<StoreItem> list(Path dir, StoreItem.Kind kind, boolean files) throws IOException {
    List<StoreItem> out = new ArrayList<>();
    for (Path p : children(dir)) {
      if (!HEX.matcher(name(p)).matches()) {
        continue;
      }
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (files && a.isRegularFile()) {
          out.add(new StoreItem(kind, p, a.size(), lastUsed(p)));
        } else if (!files && a.isDirectory()) {
          out.add(new StoreItem(kind, p, treeSize(p), lastUsed(p)));
        }
      } catch (NoSuchFileException raced) {
        // removed meanwhile by another process
      }
    }
    return out;
  }

  /**
   * A temp item. A file is written by a stream, so its mtime is its last use; a tree may hold files
   * whose mtime was set from a tar header, so its last use is the latest mtime or ctime inside.
   */
  private static StoreItem temp(Path p) throws IOException {
    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return new StoreItem(StoreItem.Kind.TEMP, p, Files.size(p), lastUsed(p));
    }
    Instant[] newest = {lastUsed(p)};
    long size = walk(p, (file, attrs) -> {
      Instant t = attrs.lastModifiedTime().toInstant();
      try {
        Instant c = ((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant();
        t = c.isAfter(t) ? c : t;
      } catch (IOException | RuntimeException gone) {
        // removed meanwhile, or no unix view: the mtime will do
      }
      if (t.isAfter(newest[0])) {
        newest[0] = t;
      }
    });
    return new StoreItem(StoreItem.Kind.TEMP, p, size, newest[0]);
  }

  static String name(Path p) {
    return p.getFileName().toString();
  }

  /** The entries of {@code dir}, sorted; none when it does not exist. */
  static List<Path> children(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(out::add);
    } catch (NoSuchFileException raced) {
      return out;
    }
    out.sort(null);
    return out;
  }

  /**
   * When a path was last used: a file's mtime (blobs and cache entries are written whole, and a touch
   * on use moves it); for a directory the later of mtime and ctime, since an extracted tree keeps the
   * mtime of its tar entry and only its rename into place (or a touch) moves ctime. EPOCH when gone.
   */
  static Instant lastUsed(Path p) throws IOException {
    try {
      FileTime m = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        return m.toInstant();
      }
      FileTime c = (FileTime) Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
      return (m.compareTo(c) >= 0 ? m : c).toInstant();
    } catch (NoSuchFileException raced) {
      return Instant.EPOCH;
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
    }
  }

  /** Bytes of regular files in a tree (hard links once), symlinks not followed. */
  static long treeSize(Path root) throws IOException {
    return walk(root, (f, a) -> { });
  }

  private interface FileVisit {
    void visit(Path file, BasicFileAttributes attrs);
  }

  private static long walk(Path root, FileVisit each) throws IOException {
    long[] total = {0};
    Set<Object> seen = new HashSet<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
        each.visit(file, a);
        if (a.isRegularFile() && (a.fileKey() == null || seen.add(a.fileKey()))) {
          total[0] += a.size();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
        each.visit(dir, a);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }

  /** Mount points at or below {@code root} (from /proc/self/mountinfo; none where that is unreadable). */
  static List<Path> mountsUnder(Path root) {
    List<Path> out = new ArrayList<>();
    Path info = Path.of("/proc/self/mountinfo");
    if (!Files.isReadable(info)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(info)) {
        String[] f = line.split(" ");
        if (f.length > 4) {
          Path mp = Path.of(f[4].replace("\\040", " "));
          if (mp.startsWith(root)) {
            out.add(mp);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  /**
   * Deletes an item of this home (a file or a tree, symlinks not followed); refuses paths outside the
   * home and trees with something mounted inside (a killed build's overlay). Returns the bytes freed.
   */
  long delete(StoreItem item) throws IOException {
    Path p = item.path().toAbsolutePath().normalize();
    if (!p.startsWith(home.root()) || p.equals(home.root())) {
      throw new IOException("refusing to delete " + p + ": outside the store " + home.root());
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> mounts = mountsUnder(p);
      if (!mounts.isEmpty()) {
        throw new IOException("not deleting " + p + ": " + mounts.get(0) + " is mounted (unmount it first)");
      }
      io.jbuild.builder.store.LayerCache.deleteTree(p);
    } else {
      Files.deleteIfExists(p);
    }
    return item.size();
  }
}
