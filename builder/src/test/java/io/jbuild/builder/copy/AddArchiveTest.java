package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.context.BuildContext;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ADD of local archives: detection by magic bytes, extraction semantics and confinement. */
class AddArchiveTest {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  static final Instant T = Instant.parse("2001-09-09T01:46:40Z");

  @TempDir
  Path tmp;

  /** A tar entry to write: a directory when {@code content} is null and {@code link} is null. */
  record E(String name, char type, int mode, int uid, String content, String link, long claimedSize) {
    static E file(String name, int mode, int uid, String content) {
      return new E(name, '0', mode, uid, content, null, -1);
    }
  }

  static byte[] tar(List<E> entries) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bos)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (E e : entries) {
        TarArchiveEntry te;
        switch (e.type()) {
          case '5': te = new TarArchiveEntry(e.name() + "/", TarArchiveEntry.LF_DIR); break;
          case '2': te = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK); te.setLinkName(e.link()); break;
          case '1': te = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_LINK); te.setLinkName(e.link()); break;
          default: te = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_NORMAL, true); break;
        }
        te.setMode(e.mode());
        te.setUserId(e.uid());
        te.setGroupId(e.uid());
        te.setModTime(T.toEpochMilli());
        byte[] data = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
        if (e.type() == '0') {
          te.setSize(data.length);
        }
        out.putArchiveEntry(te);
        out.write(data);
        out.closeArchiveEntry();
      }
    }
    return bos.toByteArray();
  }

  static byte[] compress(byte[] tar, String kind) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (OutputStream os = switch (kind) {
      case "gzip" -> new GzipCompressorOutputStream(bos);
      case "bzip2" -> new BZip2CompressorOutputStream(bos);
      case "xz" -> new XZCompressorOutputStream(bos);
      case "zstd" -> new ZstdCompressorOutputStream(bos);
      default -> bos;
    }) {
      os.write(tar);
    }
    return bos.toByteArray();
  }

  CopyPlan add(byte[] archive, String name, CopyRequest req) throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.write(ctx.resolve(name), archive);
    return CopyEngine.create(tmp.resolve("scratch"), Clock.fixed(NOW, ZoneOffset.UTC)).plan(req, BuildContext.open(ctx,
        null), null);
  }

  static final List<E> SAMPLE = List.of(
      new E("dd", '5', 0700, 7, null, null, -1),
      E.file("/abs/f", 04711, 1000, "abc"),
      E.file("x/../y/g", 0600, 0, "g"),
      new E("link", '2', 0777, 0, null, "/etc", -1),
      new E("hl", '1', 0644, 0, null, "abs/f", -1));

  @ParameterizedTest
  @ValueSource(strings = {"plain", "gzip", "bzip2", "xz", "zstd"})
  void extractsEveryCompressionDetectedByMagic(String kind) throws Exception {
    // the name says nothing about the format: detection is by content
    CopyPlan plan = add(compress(tar(SAMPLE), kind), "archive.bin",
        CopyRequest.addOf("Dockerfile:2", List.of("archive.bin"), "/d").withChown("5:6"));
    assertEquals(String.join("\n",
        "DIRECTORY d 0755 5:6 t=now",
        "DIRECTORY d/abs 0755 0:0 t=now",
        "FILE d/abs/f 4711 1000:1000 size=3 t=other",
        "DIRECTORY d/dd 0700 7:7 t=other",
        "HARDLINK d/hl 0644 0:0 -> d/abs/f t=other",
        "SYMLINK d/link 0777 0:0 -> /etc",
        "DIRECTORY d/y 0755 0:0 t=now",
        "FILE d/y/g 0600 0:0 size=1 t=other"), CopyCasesTest.render(plan.entries()));
    LayerEntry f = plan.entries().stream().filter(e -> e.path().equals("d/abs/f")).findFirst().orElseThrow();
    assertEquals(T, f.mtime());
    try (InputStream in = f.content().open()) {
      assertEquals("abc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void unpackFalseCopiesTheArchiveAsIs() throws Exception {
    byte[] gz = compress(tar(SAMPLE), "gzip");
    CopyPlan plan = add(gz, "a.tar.gz",
        CopyRequest.addOf("Dockerfile:2", List.of("a.tar.gz"), "/d/").withUnpack(false));
    assertEquals(List.of("d", "d/a.tar.gz"), plan.entries().stream().map(LayerEntry::path).toList());
    assertEquals(gz.length, plan.entries().get(1).size());
  }

  @Test
  void copyNeverExtracts() throws Exception {
    CopyPlan plan = add(tar(SAMPLE), "a.tar", CopyRequest.copy("Dockerfile:2", List.of("a.tar"), "/d/"));
    assertEquals(EntryType.FILE, plan.entries().get(1).type());
  }

  @Test
  void sameArchiveSameDigestWhateverTheCompression() throws Exception {
    byte[] t = tar(SAMPLE);
    CopyRequest req = CopyRequest.addOf("Dockerfile:2", List.of("a"), "/d");
    var d1 = add(compress(t, "gzip"), "a", req).sourceDigest();
    Files.delete(tmp.resolve("ctx/a"));
    var d2 = add(compress(t, "zstd"), "a", req).sourceDigest();
    assertEquals(d1, d2);
  }

  static Stream<List<E>> malicious() {
    return Stream.of(
        List.of(E.file("../evil", 0644, 0, "x")),
        List.of(E.file("a/../../evil", 0644, 0, "x")),
        List.of(new E("hl", '1', 0644, 0, null, "../../etc/passwd", -1)),
        List.of(new E("hl", '1', 0644, 0, null, "missing", -1)),
        List.of(E.file("dir/.wh.victim", 0644, 0, "")),
        List.of(E.file(".wh..wh..opq", 0644, 0, "")));
  }

  @Test
  void maliciousArchivesAreRefusedAndNothingEscapes() throws Exception {
    Path canary = Files.createDirectories(tmp.resolve("canary"));
    int i = 0;
    for (List<E> bad : (Iterable<List<E>>) malicious()::iterator) {
      String name = "bad" + i++ + ".tar";
      CopyException e = assertThrows(CopyException.class, () -> add(tar(bad), name,
          CopyRequest.addOf("Dockerfile:9", List.of(name), "/d")));
      assertTrue(e.getMessage().startsWith("Dockerfile:9: ADD failed: archive \"" + name + "\": entry \""),
          e.getMessage());
      assertTrue(e.getMessage().matches(".*(escapes the destination|not a file earlier|whiteout names).*"),
          e.getMessage());
    }
    try (Stream<Path> s = Files.list(canary)) {
      assertEquals(0, s.count());
    }
    assertTrue(Files.notExists(tmp.resolve("evil")));
  }

  @Test
  void truncatedEntryIsAnErrorAndDoesNotFillTheDisk() throws Exception {
    // a header claiming 1 GiB followed by a few bytes and the end of the stream
    byte[] t = tar(List.of(E.file("big", 0644, 0, "0123456789")));
    long claimed = 1L << 30;
    String octal = String.format("%011o", claimed);
    byte[] header = java.util.Arrays.copyOf(t, 512);
    System.arraycopy(octal.getBytes(StandardCharsets.US_ASCII), 0, header, 124, 11);
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, header, 148, 8);
    byte[] bad = new byte[512 + 512];
    System.arraycopy(header, 0, bad, 0, 512);
    System.arraycopy("0123456789".getBytes(StandardCharsets.US_ASCII), 0, bad, 512, 10);
    CopyException e = assertThrows(CopyException.class, () -> add(bad, "t.tar",
        CopyRequest.addOf("Dockerfile:4", List.of("t.tar"), "/d")));
    assertTrue(e.getMessage().startsWith("Dockerfile:4: ADD failed: "), e.getMessage());
    long used;
    try (Stream<Path> s = Files.walk(tmp.resolve("scratch"))) {
      used = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(used < 1 << 20, "scratch holds " + used + " bytes");
  }

  @Test
  void notATarIsCopiedEvenIfCompressed() throws Exception {
    byte[] gz = compress("just text, not a tar".getBytes(StandardCharsets.UTF_8), "gzip");
    CopyPlan plan = add(gz, "notes.tar.gz", CopyRequest.addOf("Dockerfile:2", List.of("notes.tar.gz"), "/n"));
    assertEquals("FILE n 0644 0:0 size=" + gz.length + " t=other", CopyCasesTest.render(plan.entries()));
    try (InputStream in = plan.entries().get(0).content().open()) {
      assertTrue(java.util.Arrays.equals(gz, in.readAllBytes()));
    }
    assertTrue(new ByteArrayInputStream(gz).available() > 0);
  }
}
