package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerWriterTest {
  private static List<LayerEntry> roundTrip(List<LayerEntry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerWriter.writeTar(entries, null, out);
    return LayerReader.list(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void theFirstPathOfAHardlinkGroupCarriesTheContent() throws IOException {
    List<LayerEntry> read = roundTrip(List.of(
        LayerEntry.file("z/file", "data".getBytes()).withMode(0600),
        LayerEntry.hardlink("a/link", "z/file"),
        LayerEntry.hardlink("m/link2", "a/link"),
        LayerEntry.directory("a"), LayerEntry.directory("m"), LayerEntry.directory("z")));
    assertEquals(List.of("a", "a/link", "m", "m/link2", "z", "z/file"), read.stream().map(LayerEntry::path).toList());
    assertEquals(EntryType.FILE, read.get(1).type());
    assertEquals(4, read.get(1).size());
    assertEquals(0600, read.get(1).mode());
    assertEquals(EntryType.HARDLINK, read.get(3).type());
    assertEquals("a/link", read.get(3).linkTarget());
    assertEquals(EntryType.HARDLINK, read.get(5).type());
    assertEquals("a/link", read.get(5).linkTarget());
  }

  @Test
  void reservedNamesAndDuplicatesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> roundTrip(List.of(LayerEntry.file("d/.wh.x", new byte[0]))));
    assertEquals("entry \"d/.wh.x\": names starting with .wh. are reserved for whiteouts", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> roundTrip(List.of(LayerEntry.file("x", new byte[0]), LayerEntry.directory("/x/"))));
    assertEquals("entry \"x\": duplicate path in layer", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> roundTrip(List.of(LayerEntry.whiteout("a/.wh.b"))));
    assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LayerEntry.file("../x", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> LayerEntry.directory("a").withMode(010000));
  }

  @Test
  void contentMustMatchTheDeclaredSize() {
    IOException e = assertThrows(IOException.class,
        () -> roundTrip(List.of(LayerEntry.file("f", 10, ContentSource.of(new byte[5])))));
    assertEquals("entry \"f\": content is shorter than its declared size 10", e.getMessage());
    e = assertThrows(IOException.class,
        () -> roundTrip(List.of(LayerEntry.file("f", 2, ContentSource.of(new byte[5])))));
    assertEquals("entry \"f\": content is longer than its declared size 2", e.getMessage());
    e = assertThrows(IOException.class, () -> roundTrip(List.of(LayerEntry.file("f", 2, () -> {
      throw new IOException("disk on fire");
    }))));
    assertEquals("entry \"f\": reading content: disk on fire", e.getMessage());
  }

  @Test
  void largeValuesGoToPaxRecordsAndReadBack() throws IOException {
    long size = 8L << 30; // one more than the 11 octal digits of ustar hold
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarWriter tar = new TarWriter(out);
    InputStream stop = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new java.io.InterruptedIOException("stop after the header");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return read();
      }
    };
    assertThrows(java.io.InterruptedIOException.class, () -> tar.write("big", '0', 0644, 1L << 40, 5, "", "",
        -5, size, "", 0, 0, java.util.Map.of(), stop));
    String pax = new String(out.toByteArray(), 512, 512, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(pax.contains(" mtime=-5\n"), pax);
    assertTrue(pax.contains(" size=8589934592\n"), pax);
    assertTrue(pax.contains(" uid=1099511627776\n"), pax);
    TarHeader h = new TarReader(new ByteArrayInputStream(out.toByteArray())).next();
    assertEquals(size, h.size());
    assertEquals(1L << 40, h.uid());
    assertEquals(-5, h.mtime().getEpochSecond());
    assertEquals("big", h.name());
  }

  @Test
  void compressedOutputIgnoresTheThreadCountOnMultiMegabyteLayers() throws IOException {
    byte[] data = ParallelGzipProperties.data(11, 24 << 20);
    List<LayerEntry> entries = List.of(LayerEntry.file("a", data), LayerEntry.file("b", new byte[3 << 20]));
    for (Compression c : List.of(Compression.GZIP, Compression.ZSTD)) {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      ByteArrayOutputStream two = new ByteArrayOutputStream();
      LayerBlob a = LayerWriter.create(LayerWriter.Options.defaults().withCompression(c).withThreads(1))
          .write(entries, one);
      LayerBlob b = LayerWriter.create(LayerWriter.Options.defaults().withCompression(c).withThreads(2))
          .write(entries, two);
      assertEquals(a, b, c.toString());
      assertTrue(a.size() < a.uncompressedSize(), c.toString());
      assertEquals(a.diffId(), io.jbuild.oci.Digest.sha256(
          LayerReader.decompress(new ByteArrayInputStream(two.toByteArray())).readAllBytes()));
    }
  }
}
