package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GNU tar as an independent reader of our layers and an independent writer of layers we read. */
class GnuTarInteropTest {
  @TempDir Path temp;

  static final String LONG = "deep/" + "d".repeat(120) + "/" + "f".repeat(150);
  static final String UNICODE = "ünï/日本語 😀.txt";

  @Test
  void gnuTarListsAndExtractsWhatWeWrite() throws Exception {
    byte[] big = new byte[200_000];
    new java.util.Random(7).nextBytes(big);
    Instant t = Instant.ofEpochSecond(1_500_000_000L);
    List<LayerEntry> entries = List.of(
        LayerEntry.directory("deep").withMtime(t),
        LayerEntry.directory("deep/" + "d".repeat(120)).withMtime(t),
        LayerEntry.file(LONG, big).withMtime(t).withMode(04755).withOwner(3_000_000, 42),
        LayerEntry.directory("ünï").withMtime(t),
        LayerEntry.file(UNICODE, "hi".getBytes(StandardCharsets.UTF_8)).withMtime(t)
            .withXattrs(Map.of("user.comment", "yes".getBytes(StandardCharsets.UTF_8))),
        LayerEntry.symlink("ünï/link", "../" + LONG).withMtime(t),
        LayerEntry.hardlink("a-hardlink", UNICODE).withMtime(t),
        LayerEntry.whiteout("removed"),
        LayerEntry.opaque("deep"));
    Path layer = temp.resolve("layer.tar.gz");
    try (var out = Files.newOutputStream(layer)) {
      LayerWriter.create(LayerWriter.Options.defaults()).write(entries, out);
    }
    String listing = run(temp, "tar", "--numeric-owner", "-tvzf", layer.toString());
    List<String> names = new ArrayList<>();
    for (String line : run(temp, "tar", "-tzf", layer.toString()).split("\n")) {
      names.add(line);
    }
    assertEquals(List.of(".wh.removed", "a-hardlink", "deep/", "deep/.wh..wh..opq", "deep/" + "d".repeat(120) + "/", LONG,
        "ünï/", "ünï/link", UNICODE), names);
    assertTrue(listing.contains("-rwsr-xr-x 3000000/42   200000 2017-07-14 02:40 " + LONG), listing);
    assertTrue(listing.contains(UNICODE + " link to a-hardlink"), listing);
    assertTrue(listing.contains("ünï/link -> ../" + LONG), listing);

    Path out = Files.createDirectory(temp.resolve("x"));
    run(temp, "tar", "--xattrs", "--xattrs-include=*", "--numeric-owner", "-xpzf", layer.toString(), "-C",
        out.toString());
    assertArrayEquals(big, Files.readAllBytes(out.resolve(LONG)));
    assertEquals("hi", Files.readString(out.resolve(UNICODE)));
    assertEquals(Files.getAttribute(out.resolve(UNICODE), "unix:ino"),
        Files.getAttribute(out.resolve("a-hardlink"), "unix:ino"));
    assertEquals("yes", run(temp, "getfattr", "--absolute-names", "--only-values", "-n", "user.comment", out.resolve(UNICODE)
        .toString()));
    assertEquals(t, Files.getLastModifiedTime(out.resolve(LONG)).toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "pax", "posix", "oldgnu"})
  void weReadWhatGnuTarWrites(String format) throws Exception {
    Path src = Files.createDirectory(temp.resolve("src"));
    Files.createDirectories(src.resolve(LONG).getParent());
    Files.writeString(src.resolve(LONG), "long");
    Files.createDirectories(src.resolve(UNICODE).getParent());
    Files.writeString(src.resolve(UNICODE), "unicode");
    Files.createSymbolicLink(src.resolve("sym"), Path.of("../" + "t".repeat(130)));
    Files.createLink(src.resolve("hard"), src.resolve(UNICODE));
    Files.setAttribute(src.resolve(LONG), "unix:mode", 02750);
    Path archive = temp.resolve("a.tar");
    run(src, "tar", "--format=" + format, "--sort=name", "-cf", archive.toString(), ".");

    Map<String, LayerEntry> byPath = new TreeMap<>();
    Map<String, String> contents = new HashMap<>();
    try (InputStream in = Files.newInputStream(archive)) {
      LayerReader.read(in, (e, c) -> {
        byPath.put(e.path(), e);
        contents.put(e.path(), new String(c.readAllBytes(), StandardCharsets.UTF_8));
      });
    }
    assertEquals("long", contents.get(LONG));
    assertEquals(02750, byPath.get(LONG).mode());
    assertEquals(EntryType.DIRECTORY, byPath.get("deep/" + "d".repeat(120)).type());
    LayerEntry sym = byPath.get("sym");
    assertEquals(EntryType.SYMLINK, sym.type());
    assertEquals("../" + "t".repeat(130), sym.linkTarget());
    LayerEntry unicode = byPath.get(UNICODE);
    LayerEntry hard = byPath.get("hard");
    // GNU tar stores the first one it meets as the file and the other as a link to it
    assertTrue((unicode.type() == EntryType.FILE && hard.type() == EntryType.HARDLINK
        && hard.linkTarget().equals(UNICODE)) || (hard.type() == EntryType.FILE
        && unicode.type() == EntryType.HARDLINK && unicode.linkTarget().equals("hard")), byPath.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "bzip2", "zstd", "xz"})
  void compressedTarsAreDetected(String tool) throws Exception {
    Path src = Files.createDirectory(temp.resolve("src"));
    Files.writeString(src.resolve("f"), "content");
    Path archive = temp.resolve("a.tar.x");
    run(src, "tar", "--use-compress-program=" + tool, "-cf", archive.toString(), "f");
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(archive))) {
      assertEquals(LayerReader.Format.valueOf(tool.equals("gzip") ? "GZIP" : tool.toUpperCase()),
          LayerReader.detect(in));
    }
    boolean xzAvailable = isPresent("org.tukaani.xz.XZInputStream");
    try (InputStream in = Files.newInputStream(archive)) {
      if (tool.equals("xz") && !xzAvailable) {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> LayerReader.list(in));
        assertEquals("reading xz: org.tukaani:xz is not on the classpath", e.getMessage());
        return;
      }
      List<LayerEntry> entries = LayerReader.list(in);
      assertEquals(1, entries.size());
      assertEquals("f", entries.get(0).path());
      assertEquals(7, entries.get(0).size());
    }
  }

  @Test
  void plainTextIsNotATar() {
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> LayerReader.list(new ByteArrayInputStream("not a tar at all".repeat(64).getBytes())));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String run(Path dir, String... cmd) throws Exception {
    return Commands.run(dir, cmd);
  }

  static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
