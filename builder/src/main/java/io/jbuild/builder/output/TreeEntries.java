package io.jbuild.builder.output;

import io.jbuild.oci.layer.ContentSource;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The entries of a directory tree as layer entries (for {@code type=tar}): type, mode, owner, mtime,
 * symlink targets, hardlinks (by inode) and file contents read lazily. Sockets are skipped.
 */
final class TreeEntries {
  private TreeEntries() {}

  static List<LayerEntry> walk(Path root) throws IOException {
    List<LayerEntry> out = new ArrayList<>();
    Map<Object, String> inodes = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString().replace('\\', '/');
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime,size,ino,dev,nlink,rdev",
            LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int perm = mode & 07777;
        long uid = ((Number) a.get("uid")).longValue();
        long gid = ((Number) a.get("gid")).longValue();
        Instant mtime = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toInstant();
        long rdev = ((Number) a.get("rdev")).longValue();
        EntryType type;
        long size = 0;
        String link = "";
        ContentSource content = null;
        switch (mode & 0170000) {
          case 0040000 -> type = EntryType.DIRECTORY;
          case 0120000 -> {
            type = EntryType.SYMLINK;
            link = Files.readSymbolicLink(p).toString();
          }
          case 0100000 -> {
            type = EntryType.FILE;
            size = (Long) a.get("size");
            content = ContentSource.of(p);
            if (((Number) a.get("nlink")).intValue() > 1) {
              Object key = a.get("dev") + ":" + a.get("ino");
              String first = inodes.putIfAbsent(key, rel);
              if (first != null) {
                type = EntryType.HARDLINK;
                size = 0;
                link = first;
                content = null;
              }
            }
          }
          case 0020000 -> type = EntryType.CHAR_DEVICE;
          case 0060000 -> type = EntryType.BLOCK_DEVICE;
          case 0010000 -> type = EntryType.FIFO;
          default -> {
            continue;
          }
        }
        long major = type.isDevice() ? (rdev >> 8) & 0xfff : 0;
        long minor = type.isDevice() ? (rdev & 0xff) | ((rdev >> 12) & 0xfff00) : 0;
        out.add(new LayerEntry(rel, type, perm, uid, gid, "", "", mtime, size, link, major, minor, null, content));
      }
    }
    return out;
  }
}
