package io.jbuild.oci.layer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Builds varied, valid entry sets from a seed (jqwik supplies the seeds). */
final class RandomLayers {
  private static final String[] PIECES = {"a", "b", "Z", "0", "-", "_", ".", " ", "é", "日本", "\uD83D\uDE00", "x.y",
      "long", "ü"};

  private RandomLayers() {}

  /** A generated layer: its entries (shuffled) and the bytes of each regular file by path. */
  record Generated(List<LayerEntry> entries, Map<String, byte[]> contents) {}

  static Generated generate(long seed, boolean withXattrs) {
    Random r = new Random(seed);
    Map<String, LayerEntry> byPath = new LinkedHashMap<>();
    Map<String, byte[]> contents = new TreeMap<>();
    List<String> files = new ArrayList<>();
    int count = 1 + r.nextInt(25);
    for (int i = 0; i < count; i++) {
      String path = path(r);
      if (byPath.containsKey(path) || byPath.values().stream().anyMatch(e -> e.type() != EntryType.DIRECTORY
          && (path.startsWith(e.path() + "/")))) {
        continue;
      }
      String parent = LayerPaths.parent(path);
      if (!parent.isEmpty() && byPath.containsKey(parent) && byPath.get(parent).type() != EntryType.DIRECTORY) {
        continue;
      }
      for (String p = parent; !p.isEmpty(); p = LayerPaths.parent(p)) {
        byPath.putIfAbsent(p, decorate(r, LayerEntry.directory(p).withMode(0700 | r.nextInt(010000) & 07777),
            withXattrs));
      }
      int kind = r.nextInt(10);
      LayerEntry e;
      if (kind < 5) {
        byte[] data = new byte[r.nextInt(4) == 0 ? r.nextInt(70000) : r.nextInt(600)];
        r.nextBytes(data);
        e = LayerEntry.file(path, data);
        contents.put(path, data);
        files.add(path);
      } else if (kind < 6) {
        e = LayerEntry.directory(path);
      } else if (kind < 8) {
        e = LayerEntry.symlink(path, r.nextBoolean() ? "/" + path(r) : "../" + path(r));
      } else if (kind < 9 && !files.isEmpty()) {
        e = LayerEntry.hardlink(path, files.get(r.nextInt(files.size())));
      } else {
        e = LayerEntry.fifo(path);
      }
      if (e.type() != EntryType.SYMLINK && e.type() != EntryType.HARDLINK) {
        e = e.withMode(r.nextInt(010000) | (e.type() == EntryType.DIRECTORY ? 0700 : 0600));
      }
      byPath.put(path, decorate(r, e, withXattrs));
    }
    if (r.nextInt(4) == 0) {
      byPath.put("gone/file", LayerEntry.whiteout("gone/file"));
    }
    if (r.nextInt(4) == 0 && byPath.values().stream().anyMatch(e -> e.type() == EntryType.DIRECTORY)) {
      LayerEntry dir = byPath.values().stream().filter(e -> e.type() == EntryType.DIRECTORY).findFirst()
          .orElseThrow();
      byPath.put(dir.path() + "/\0opaque", LayerEntry.opaque(dir.path()));
    }
    List<LayerEntry> entries = new ArrayList<>(byPath.values());
    java.util.Collections.shuffle(entries, r);
    return new Generated(entries, contents);
  }

  private static LayerEntry decorate(Random r, LayerEntry e, boolean withXattrs) {
    long[] ids = {0, 1, 1000, 65534, 07777777, 010000000, 1L << 31};
    LayerEntry out = e.withOwner(ids[r.nextInt(ids.length)], ids[r.nextInt(ids.length)]);
    long[] seconds = {0, 1, 1_700_000_000L, 8_589_934_591L, 8_589_934_592L, 9_000_000_000L, -1000};
    out = out.withMtime(Instant.ofEpochSecond(seconds[r.nextInt(seconds.length)], r.nextInt(1_000_000_000)));
    if (r.nextInt(5) == 0) {
      out = out.withNames(r.nextBoolean() ? "user" : "ü" + "x".repeat(40), "grp");
    }
    if (withXattrs && r.nextInt(3) == 0 && e.type() != EntryType.SYMLINK) {
      byte[] value = new byte[r.nextInt(20)];
      r.nextBytes(value);
      out = out.withXattrs(Map.of("user.test", value, "user.text", "é=\n".getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  static String path(Random r) {
    int depth = 1 + r.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      if (d > 0) {
        sb.append('/');
      }
      sb.append(name(r));
    }
    return sb.toString();
  }

  private static String name(Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(8) == 0) {
      sb.append("long".repeat(20 + r.nextInt(20)));
    }
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    String s = sb.toString();
    if (s.equals(".") || s.equals("..") || s.startsWith(".wh.")) {
      return "n" + s;
    }
    return s;
  }
}
