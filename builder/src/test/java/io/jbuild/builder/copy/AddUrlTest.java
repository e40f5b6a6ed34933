package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jbuild.oci.Digest;
import io.jbuild.oci.layer.LayerEntry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD of http(s) URLs against an in-process JDK HTTP server. */
class AddUrlTest {
  static final byte[] BODY = "remote content\n".getBytes(StandardCharsets.UTF_8);
  static final String SHA = "sha256:" + Digest.sha256(BODY).hex();

  @TempDir
  Path tmp;
  HttpServer server;
  String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/files/data.bin", ex -> {
      ex.getResponseHeaders().add("Last-Modified", "Wed, 05 May 2021 05:05:05 GMT");
      ex.sendResponseHeaders(200, BODY.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(BODY);
      }
    });
    server.createContext("/download/", ex -> {
      ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"report.csv\"");
      ex.sendResponseHeaders(200, BODY.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(BODY);
      }
    });
    server.createContext("/archive.tar", ex -> {
      byte[] t = AddArchiveTest.tar(List.of(AddArchiveTest.E.file("in/side", 0644, 0, "x")));
      ex.sendResponseHeaders(200, t.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(t);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  CopyPlan add(CopyRequest req) throws CopyException {
    return CopyEngine.create(tmp.resolve("scratch"), Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
        ZoneOffset.UTC)).plan(req, null, null);
  }

  @Test
  void fetchesWithMode0600AndLastModifiedAndVerifiesTheChecksum() throws Exception {
    CopyPlan plan = add(CopyRequest.addOf("Dockerfile:2", List.of(base + "/files/data.bin"), "/d/").withChecksum(SHA));
    assertEquals(2, plan.entries().size());
    LayerEntry f = plan.entries().get(1);
    assertEquals("d/data.bin", f.path());
    assertEquals(0600, f.mode());
    assertEquals(Instant.parse("2021-05-05T05:05:05Z"), f.mtime());
    try (InputStream in = f.content().open()) {
      assertEquals(new String(BODY, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void checksumMismatchIsAClearError() {
    String wrong = "sha256:" + "0".repeat(64);
    CopyException e = assertThrows(CopyException.class, () -> add(
        CopyRequest.addOf("Dockerfile:5", List.of(base + "/files/data.bin"), "/d/").withChecksum(wrong)));
    assertEquals("Dockerfile:5: ADD failed: checksum mismatch for " + base + "/files/data.bin: expected " + wrong
        + ", got " + SHA, e.getMessage());
  }

  @Test
  void destinationWithoutSlashNamesTheFileAndChmodChownApply() throws Exception {
    CopyPlan plan = add(CopyRequest.addOf("Dockerfile:2", List.of(base + "/files/data.bin"), "/opt/named")
        .withChmod("644").withChown("10:20"));
    assertEquals("DIRECTORY opt 0755 10:20 t=now\nFILE opt/named 0644 10:20 size=15 t=other",
        CopyCasesTest.render(plan.entries()));
  }

  @Test
  void nameFromContentDispositionWhenThePathHasNone() throws Exception {
    CopyPlan plan = add(CopyRequest.addOf("Dockerfile:2", List.of(base + "/download/"), "/d/"));
    // Go's path.Base("/download/") is "download": the path wins, as in BuildKit
    assertEquals("d/download", plan.entries().get(1).path());
    assertEquals(Instant.EPOCH, plan.entries().get(1).mtime());
    assertEquals("report.csv", UrlFetcher.nameOf(java.net.URI.create(base + "/"), "attachment; filename=\"report.csv\""));
    assertEquals("__unnamed__", UrlFetcher.nameOf(java.net.URI.create(base + "/"), null));
  }

  @Test
  void remoteArchivesAreNotExtractedUnlessUnpackIsSet() throws Exception {
    CopyPlan plain = add(CopyRequest.addOf("Dockerfile:2", List.of(base + "/archive.tar"), "/d/"));
    assertEquals(List.of("d", "d/archive.tar"), plain.entries().stream().map(LayerEntry::path).toList());
    CopyPlan unpacked = add(CopyRequest.addOf("Dockerfile:2", List.of(base + "/archive.tar"), "/d/").withUnpack(true));
    assertEquals(List.of("d", "d/in", "d/in/side"), unpacked.entries().stream().map(LayerEntry::path).toList());
  }

  @Test
  void httpErrorsAreReported() {
    CopyException e = assertThrows(CopyException.class, () -> add(
        CopyRequest.addOf("Dockerfile:3", List.of(base + "/nope"), "/d/")));
    assertTrue(e.getMessage().equals("Dockerfile:3: ADD failed: fetching " + base + "/nope: HTTP 404"), e.getMessage());
  }
}
