package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerApplierTest {
  @TempDir Path temp;
  Path root;
  Path canary;
  Path canaryFile;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    canary = Files.createDirectory(temp.resolve("canary"));
    canaryFile = Files.writeString(canary.resolve("keep"), "canary");
    Files.createDirectory(root.resolve("etc"));
  }

  @AfterEach
  void nothingOutsideTheRoot() throws IOException {
    try (Stream<Path> s = Files.list(temp)) {
      assertEquals(List.of("canary", "root"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    try (Stream<Path> s = Files.list(canary)) {
      assertEquals(List.of(canaryFile), s.toList(), "canary directory changed");
    }
    assertEquals("canary", Files.readString(canaryFile));
    assertEquals(1, Files.getAttribute(canaryFile, "unix:nlink"), "canary file hard-linked from the root");
  }

  private LayerApplier.Result apply(byte[] tar) throws IOException {
    return LayerApplier.apply(new ByteArrayInputStream(tar), root,
        LayerApplier.Options.defaults().withLabel("sha256:abc"));
  }

  private LayerException refused(byte[] tar) {
    return assertThrows(LayerException.class, () -> apply(tar));
  }

  @Test
  void absoluteNamesAreTakenRelativeToTheRoot() throws IOException {
    apply(new Tars().file("/etc/abs", "x").file("//./etc//abs2", "y").bytes());
    assertEquals("x", Files.readString(root.resolve("etc/abs")));
    assertEquals("y", Files.readString(root.resolve("etc/abs2")));
  }

  @Test
  void dotDotThatClimbsOutIsRefused() {
    LayerException e = refused(new Tars().file("../../" + temp.relativize(canary) + "/x", "evil").bytes());
    assertTrue(e.getMessage().startsWith("applying layer sha256:abc: entry \"../../"), e.getMessage());
    assertTrue(e.getMessage().endsWith("path escapes the root"), e.getMessage());
    assertEquals("path escapes the root", refusedReason(new Tars().file("a/../../x", "evil").bytes()));
    assertEquals("path escapes the root", refusedReason(new Tars().file("/../x", "evil").bytes()));
  }

  private String refusedReason(byte[] tar) {
    String m = refused(tar).getMessage();
    return m.substring(m.lastIndexOf(": ") + 2);
  }

  @Test
  void dotDotInsideTheRootIsFine() throws IOException {
    apply(new Tars().file("etc/../etc/./in", "ok").bytes());
    assertEquals("ok", Files.readString(root.resolve("etc/in")));
  }

  @Test
  void writingThroughASymlinkStaysInsideTheRoot() throws IOException {
    apply(new Tars()
        .symlink("rel", "../../../canary")
        .symlink("abs", canary.toString())
        .file("rel/pwned", "1")
        .file("abs/pwned", "2")
        .bytes());
    assertEquals("1", Files.readString(root.resolve("canary/pwned")));
    assertEquals("2", Files.readString(root.resolve(canary.toString().substring(1)).resolve("pwned")));
    assertTrue(Files.isSymbolicLink(root.resolve("rel")));
  }

  @Test
  void aFileReplacesASymlinkInsteadOfWritingThroughIt() throws IOException {
    apply(new Tars().symlink("link", canaryFile.toString()).bytes());
    apply(new Tars().file("link", "replaced").bytes());
    assertFalse(Files.isSymbolicLink(root.resolve("link")));
    assertEquals("replaced", Files.readString(root.resolve("link")));
  }

  @Test
  void hardlinksResolveInsideTheRootAndMustExist() throws IOException {
    LayerException e = refused(new Tars().hardlink("pw", "/etc/passwd").bytes());
    assertTrue(e.getMessage().endsWith("hardlink target \"/etc/passwd\" does not exist in the layer or below"),
        e.getMessage());
    e = refused(new Tars().symlink("hostetc", canary.toString()).hardlink("x", "hostetc/keep").bytes());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertEquals("path escapes the root",
        refusedReason(new Tars().hardlink("y", "../" + temp.relativize(canaryFile)).bytes()));
    apply(new Tars().file("etc/passwd", "root:x:0:0").hardlink("pw", "/etc/passwd").bytes());
    assertEquals(Files.getAttribute(root.resolve("etc/passwd"), "unix:ino"),
        Files.getAttribute(root.resolve("pw"), "unix:ino"));
    assertEquals("path escapes the root", refusedReason(new Tars().hardlink("z", "..").bytes()));
  }

  @Test
  void aHardlinkToASymlinkLinksTheSymlinkNotItsHostTarget() throws IOException {
    apply(new Tars().symlink("s", canaryFile.toString()).hardlink("h", "s").bytes());
    assertTrue(Files.isSymbolicLink(root.resolve("h")));
    assertEquals(canaryFile.toString(), Files.readSymbolicLink(root.resolve("h")).toString());
  }

  @Test
  void whiteoutsCannotNameDotOrDotDotOrEscape() throws IOException {
    Files.writeString(root.resolve("etc/f"), "f");
    assertTrue(refused(new Tars().file("etc/.wh...", "").bytes()).getMessage().contains("invalid whiteout"));
    assertTrue(refused(new Tars().file("etc/.wh..", "").bytes()).getMessage().contains("invalid whiteout"));
    assertTrue(refused(new Tars().file(".wh.", "").bytes()).getMessage().contains("invalid whiteout"));
    assertEquals("path escapes the root", refusedReason(new Tars().file("../.wh.canary", "").bytes()));
    apply(new Tars().symlink("out", canary.toString()).file("out/.wh.keep", "").bytes());
    assertTrue(Files.exists(root.resolve("etc/f")));
    assertTrue(Files.isDirectory(root.resolve("etc")));
  }

  @Test
  void symlinkLoopsAreRefused() {
    LayerException e = refused(new Tars().symlink("l1", "l2").symlink("l2", "/l1").file("l1/x", "").bytes());
    assertTrue(e.getMessage().endsWith("too many levels of symbolic links"), e.getMessage());
  }

  @Test
  void aTruncatedHugeEntryFailsWithoutFillingTheDisk() throws IOException {
    LayerException e = refused(new Tars().truncatedFile("big", 8_000_000_000L, 1000).open());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertFalse(Files.exists(root.resolve("big")), "partial file left behind");
    LayerApplier.Options limited = LayerApplier.Options.defaults().withLimits(100, 1000);
    LayerException tooBig = assertThrows(LayerException.class, () -> LayerApplier.apply(
        new ByteArrayInputStream(new Tars().file("f", "x".repeat(101)).bytes()), root, limited));
    assertTrue(tooBig.getMessage().endsWith("size 101 exceeds the limit of 100 bytes"), tooBig.getMessage());
  }

  @Test
  void aTruncatedGzipLayerIsAnError() throws IOException {
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    byte[] data = new byte[300_000];
    new java.util.Random(1).nextBytes(data);
    LayerWriter.create(LayerWriter.Options.defaults()).write(List.of(LayerEntry.file("f", data)), blob);
    byte[] cut = java.util.Arrays.copyOf(blob.toByteArray(), blob.size() / 2);
    assertThrows(LayerException.class, () -> apply(cut));
  }

  @Test
  void whiteoutsAndOpaqueDirectoriesHideLowerLayers() throws IOException {
    apply(new Tars().dir("a").file("a/x", "x").dir("a/sub").file("a/sub/y", "y").dir("b").file("b/z", "z")
        .file("b/keep", "k").bytes());
    // the opaque marker comes after this layer's own entries in the stream: they must survive it
    LayerApplier.Result r = apply(new Tars().dir("a").file("a/new", "n").dir("a/sub").file("a/sub/new2", "n2")
        .file("a/.wh..wh..opq", "").file("b/.wh.z", "").file(".wh.nothing", "").bytes());
    assertEquals(List.of("a"), r.opaqueDirectories());
    assertEquals(List.of("new", "sub"), list(root.resolve("a")));
    assertEquals(List.of("new2"), list(root.resolve("a/sub")));
    assertEquals(List.of("keep"), list(root.resolve("b")));
  }

  @Test
  void entriesReplaceEntriesOfAnotherType() throws IOException {
    apply(new Tars().file("f", "file").dir("d").dir("d/sub").file("d/sub/x", "x").symlink("s", "f")
        .dir("keep").file("keep/old", "o").bytes());
    apply(new Tars().dir("f").file("d", "now a file").file("s", "now a file too").dir("keep").bytes());
    assertTrue(Files.isDirectory(root.resolve("f"), LinkOption.NOFOLLOW_LINKS));
    assertEquals("now a file", Files.readString(root.resolve("d")));
    assertFalse(Files.isSymbolicLink(root.resolve("s")));
    assertEquals("now a file too", Files.readString(root.resolve("s")));
    assertEquals("o", Files.readString(root.resolve("keep/old")));
  }

  @Test
  void metadataIsApplied() throws IOException {
    assumeTrue(LayerApplier.isRoot(), "needs root");
    Instant t = Instant.ofEpochSecond(1_234_567_890L);
    List<LayerEntry> entries = List.of(
        LayerEntry.directory("d").withMode(01777).withMtime(t),
        LayerEntry.file("d/suid", "#!".getBytes(StandardCharsets.UTF_8)).withMode(04755).withOwner(1234, 5678)
            .withMtime(t).withXattrs(Map.of("user.note", new byte[] {1, 2, 0, (byte) 0xff})),
        LayerEntry.symlink("d/link", "suid").withOwner(42, 43).withMtime(t),
        LayerEntry.device("d/null", false, 1, 3).withMtime(t),
        LayerEntry.fifo("d/pipe").withMode(0600));
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    LayerWriter.create(LayerWriter.Options.defaults().withCompression(Compression.ZSTD)).write(entries, blob);
    LayerApplier.Result result = apply(blob.toByteArray());
    assertEquals(List.of(), result.warnings());
    Path d = root.resolve("d");
    assertEquals(01777, mode(d));
    assertEquals(FileTime.from(t), Files.getLastModifiedTime(d, LinkOption.NOFOLLOW_LINKS));
    Path suid = d.resolve("suid");
    assertEquals(04755, mode(suid));
    assertEquals(1234, Files.getAttribute(suid, "unix:uid"));
    assertEquals(5678, Files.getAttribute(suid, "unix:gid"));
    assertEquals(FileTime.from(t), Files.getLastModifiedTime(suid));
    var view = Files.getFileAttributeView(suid, java.nio.file.attribute.UserDefinedFileAttributeView.class);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(16);
    int n = view.read("note", buf);
    assertArrayEquals(new byte[] {1, 2, 0, (byte) 0xff}, java.util.Arrays.copyOf(buf.array(), n));
    Path link = d.resolve("link");
    assertEquals(42, Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    assertEquals(FileTime.from(t), Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS));
    assertEquals(0x0103, ((Number) Files.getAttribute(d.resolve("null"), "unix:rdev")).longValue() & 0xffff);
    assertEquals(010000, (int) Files.getAttribute(d.resolve("pipe"), "unix:mode") & 0170000, "not a fifo");
    assertEquals(0600, mode(d.resolve("pipe")));
  }

  @Test
  void overlayModeWritesOverlayWhiteouts() throws Exception {
    assumeTrue(LayerApplier.isRoot(), "needs root");
    byte[] tar = new Tars().dir("a").file("a/.wh..wh..opq", "").file("a/kept", "k").file("a/.wh.gone", "")
        .file(".wh.top", "").bytes();
    LayerApplier.Result r = LayerApplier.apply(new ByteArrayInputStream(tar), root,
        LayerApplier.Options.defaults().withMode(LayerApplier.Mode.OVERLAY));
    assertEquals(List.of("a"), r.opaqueDirectories());
    for (Path w : List.of(root.resolve("a/gone"), root.resolve("top"))) {
      assertEquals(0L, ((Number) Files.getAttribute(w, "unix:rdev")).longValue(), w.toString());
      assertEquals(020000, (int) Files.getAttribute(w, "unix:mode") & 0170000, w + " is not a char device");
    }
    Process p = new ProcessBuilder("getfattr", "--only-values", "-n", "trusted.overlay.opaque",
        root.resolve("a").toString()).start();
    assertEquals("y", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(0, p.waitFor());
    assertEquals("k", Files.readString(root.resolve("a/kept")));
  }

  private static int mode(Path p) throws IOException {
    return (int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
