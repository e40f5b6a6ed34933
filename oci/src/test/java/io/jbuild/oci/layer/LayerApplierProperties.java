package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class LayerApplierProperties {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  @Property(tries = 25)
  void applyingAWrittenLayerRecreatesItsEntries(@ForAll long seed) throws IOException {
    RandomLayers.Generated g = RandomLayers.generate(seed, false);
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    LayerWriter.create(LayerWriter.Options.defaults()).write(g.entries(), blob);
    Path root = Files.createTempDirectory("jbuild-apply");
    try {
      LayerApplier.Result result = LayerApplier.apply(new ByteArrayInputStream(blob.toByteArray()), root,
          LayerApplier.Options.defaults());
      assertEquals(java.util.List.of(), result.warnings());
      boolean owners = LayerApplier.isRoot();
      for (LayerEntry e : LayerWriter.prepare(g.entries(), null)) {
        Path p = root.resolve(e.path());
        String what = e.toString();
        switch (e.type()) {
          case WHITEOUT -> assertFalse(Files.exists(p, NOFOLLOW), what);
          case OPAQUE_WHITEOUT -> assertTrue(Files.isDirectory(p, NOFOLLOW), what);
          case SYMLINK -> assertEquals(e.linkTarget(), Files.readSymbolicLink(p).toString(), what);
          case HARDLINK -> assertEquals(Files.getAttribute(root.resolve(e.linkTarget()), "unix:ino", NOFOLLOW),
              Files.getAttribute(p, "unix:ino", NOFOLLOW), what);
          case FILE -> {
            assertArrayEquals(g.contents().get(e.path()) != null ? g.contents().get(e.path())
                : Files.readAllBytes(p), Files.readAllBytes(p), what);
            assertEquals(e.mode(), mode(p), what);
          }
          case DIRECTORY -> {
            assertTrue(Files.isDirectory(p, NOFOLLOW), what);
            assertEquals(e.mode(), mode(p), what);
          }
          case FIFO -> assertEquals(010000, (int) Files.getAttribute(p, "unix:mode", NOFOLLOW) & 0170000, what);
          default -> throw new AssertionError("unexpected " + what);
        }
        if (!e.type().isWhiteout() && e.type() != EntryType.HARDLINK) {
          assertEquals(FileTime.from(e.mtime().getEpochSecond(), java.util.concurrent.TimeUnit.SECONDS),
              Files.getLastModifiedTime(p, NOFOLLOW), what);
          if (owners) {
            assertEquals((int) e.uid(), Files.getAttribute(p, "unix:uid", NOFOLLOW), what);
            assertEquals((int) e.gid(), Files.getAttribute(p, "unix:gid", NOFOLLOW), what);
          }
        }
      }
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static int mode(Path p) throws IOException {
    return (int) Files.getAttribute(p, "unix:mode", NOFOLLOW) & 07777;
  }
}
