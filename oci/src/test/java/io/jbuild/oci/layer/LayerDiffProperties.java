package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class LayerDiffProperties {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  /** lower + diff(lower, upper) == upper, whatever was changed between them. */
  @Property(tries = 25)
  void applyingTheDiffOverTheLowerTreeGivesTheUpperTree(@ForAll long seed) throws IOException {
    Path temp = Files.createTempDirectory("jbuild-diff");
    try {
      byte[] base = layer(RandomLayers.generate(seed, false).entries());
      Path lower = Files.createDirectory(temp.resolve("lower"));
      Path upper = Files.createDirectory(temp.resolve("upper"));
      Path result = Files.createDirectory(temp.resolve("result"));
      apply(base, lower);
      apply(base, upper);
      mutate(upper, new Random(seed));
      apply(layer(LayerDiff.tree(lower)), result);
      apply(layer(LayerDiff.diff(lower, upper)), result);
      assertEquals(describe(upper), describe(result));
    } finally {
      try (Stream<Path> s = Files.walk(temp)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void mutate(Path root, Random r) throws IOException {
    int changes = 1 + r.nextInt(6);
    for (int i = 0; i < changes; i++) {
      List<Path> all;
      try (Stream<Path> s = Files.walk(root)) {
        all = s.filter(p -> !p.equals(root)).sorted().toList();
      }
      Path dir = root;
      List<Path> dirs = all.stream().filter(p -> Files.isDirectory(p, NOFOLLOW)).toList();
      if (!dirs.isEmpty() && r.nextBoolean()) {
        dir = dirs.get(r.nextInt(dirs.size()));
      }
      List<Path> files = all.stream().filter(p -> Files.isRegularFile(p, NOFOLLOW)).toList();
      Path any = all.isEmpty() ? null : all.get(r.nextInt(all.size()));
      switch (r.nextInt(8)) {
        case 0 -> {
          if (any != null) {
            LayerApplier.deleteTree(any);
          }
        }
        case 1 -> {
          if (!files.isEmpty()) {
            Files.write(files.get(r.nextInt(files.size())), bytes(r, r.nextInt(3000)));
          }
        }
        case 2 -> {
          if (!files.isEmpty()) {
            Files.setAttribute(files.get(r.nextInt(files.size())), "unix:mode", r.nextInt(01000));
          }
        }
        case 3 -> Files.write(dir.resolve("new" + r.nextInt(1000)), bytes(r, r.nextInt(100)));
        case 4 -> {
          if (!files.isEmpty()) {
            Path f = files.get(r.nextInt(files.size()));
            Files.delete(f);
            Files.createDirectory(f);
            Files.write(f.resolve("inside"), bytes(r, 10));
          }
        }
        case 5 -> {
          if (!dirs.isEmpty()) {
            Path d = dirs.get(r.nextInt(dirs.size()));
            LayerApplier.deleteTree(d);
            Files.write(d, bytes(r, 5));
          }
        }
        case 6 -> {
          if (!files.isEmpty()) { // same size, same whole-second mtime: only the bytes tell
            Path f = files.get(r.nextInt(files.size()));
            FileTime t = Files.getLastModifiedTime(f);
            Files.write(f, bytes(r, (int) Files.size(f)));
            Files.setLastModifiedTime(f, t);
          }
        }
        default -> {
          if (!files.isEmpty()) {
            Files.createLink(dir.resolve("link" + r.nextInt(1000)), files.get(r.nextInt(files.size())));
          }
        }
      }
    }
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static byte[] layer(List<LayerEntry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerWriter.create(LayerWriter.Options.defaults().withCompression(Compression.UNCOMPRESSED)).write(entries, out);
    return out.toByteArray();
  }

  private static void apply(byte[] layer, Path root) throws IOException {
    LayerApplier.apply(new ByteArrayInputStream(layer), root, LayerApplier.Options.defaults());
  }

  /** Everything observable about a tree, mtimes to the second. */
  private static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> d = new TreeMap<>();
    List<Path> all;
    try (Stream<Path> s = Files.walk(root)) {
      all = s.filter(p -> !p.equals(root)).toList();
    }
    for (Path p : all) {
      Map<String, Object> a = Files.readAttributes(p, "unix:*", NOFOLLOW);
      StringBuilder sb = new StringBuilder();
      sb.append(Integer.toOctalString((Integer) a.get("mode"))).append(' ').append(a.get("uid")).append(':')
          .append(a.get("gid")).append(' ').append(a.get("size")).append(' ')
          .append(((FileTime) a.get("lastModifiedTime")).toInstant().getEpochSecond())
          .append(" nlink=").append(a.get("nlink"));
      if (Files.isSymbolicLink(p)) {
        sb.append(" -> ").append(Files.readSymbolicLink(p));
      } else if (Files.isRegularFile(p, NOFOLLOW)) {
        sb.append(" sha=").append(io.jbuild.oci.Digest.sha256(Files.readAllBytes(p)));
      }
      d.put(root.relativize(p).toString(), sb.toString());
    }
    return d;
  }
}
