package io.jbuild.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.builder.progress.StepEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code testdata/examples/hello} (no RUN) and checks the OCI layout with tools nobody here
 * wrote: {@code umoci unpack} for the files, {@code skopeo inspect} for manifest and config.
 */
class HelloBuildIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path context;
  static Path home;
  static Path out;
  static BuildResult first;

  @BeforeAll
  static void buildOnce() throws Exception {
    context = TestSupport.copyExample("hello", Files.createDirectories(tmp.resolve("ctx")));
    // what git cannot carry: a hardlink, a big-ish file
    Files.createLink(context.resolve("app/hardlink.html"), context.resolve("app/index.html"));
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    new java.util.Random(7).nextBytes(big);
    Files.write(context.resolve("app/assets/big.bin"), big);
    Files.writeString(context.resolve("app/skip.log"), "ignored by .dockerignore");
    home = tmp.resolve("home");
    out = tmp.resolve("oci");
    first = TestSupport.build(home, TestSupport.ociDir(context, out, "hello:1")).result();
  }

  @Test
  void umociUnpacksTheFilesWithTheirModesAndOwners() throws Exception {
    Path bundle = tmp.resolve("bundle");
    TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
    Map<String, String> files = TestSupport.listing(bundle.resolve("rootfs"));
    assertEquals("d 755 0:0 ", files.get("app"));
    assertEquals("f 644 0:0 15", files.get("app/index.html"));
    assertEquals("l 777 0:0 index.html", files.get("app/default.html"));
    assertEquals("f 644 0:0 " + (3 * 1024 * 1024 + 17), files.get("app/assets/big.bin"));
    assertEquals("f 644 0:0 7", files.get("app/odd names/file with spaces.txt"));
    assertEquals("f 644 0:0 8", files.get("app/odd names/ünïcödé.txt"));
    assertEquals("f 755 0:0 35", files.get("usr/local/bin/hello"));
    assertEquals("f 644 0:0 23", files.get("etc/motd"));
    assertEquals("welcome to hello world\n", TestSupport.read(bundle.resolve("rootfs/etc/motd")));
    assertFalse(files.containsKey("app/skip.log"), "a .dockerignore'd file was copied");
    assertFalse(files.containsKey("app/ignored.log"), "a .dockerignore'd file was copied");
    assertEquals(Files.getAttribute(bundle.resolve("rootfs/app/index.html"), "unix:ino"),
        Files.getAttribute(bundle.resolve("rootfs/app/hardlink.html"), "unix:ino"), "hardlink lost");
    assertTrue(Files.readAllBytes(bundle.resolve("rootfs/app/assets/big.bin")).length > 3_000_000);
  }

  @Test
  void skopeoReadsConfigAndHistoryLikeBuildKits() throws Exception {
    JsonNode config = JSON.readTree(TestSupport.tool("skopeo", "inspect", "--config", "oci:" + out + ":1"));
    JsonNode c = config.get("config");
    assertEquals("[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"APP_HOME=/app\","
        + "\"GREETING=hello world\"]", c.get("Env").toString());
    assertEquals("[\"/usr/local/bin/hello\"]", c.get("Entrypoint").toString());
    assertEquals("[\"--name\",\"world\"]", c.get("Cmd").toString());
    assertEquals("/app", c.get("WorkingDir").asText());
    assertEquals("1000:1000", c.get("User").asText());
    assertEquals("1.0", c.get("Labels").get("version").asText());
    assertTrue(c.get("ExposedPorts").has("9090/udp"));
    assertTrue(c.get("Volumes").has("/data"));
    List<String> history = new ArrayList<>();
    for (JsonNode h : config.get("history")) {
      history.add(h.get("created_by").asText() + (h.path("empty_layer").asBoolean() ? " (empty)" : ""));
      assertEquals("buildkit.dockerfile.v0", h.get("comment").asText());
    }
    assertEquals(List.of(
        "ARG VERSION=1.0 (empty)",
        "LABEL org.opencontainers.image.title=hello version=1.0 (empty)",
        "ENV APP_HOME=/app GREETING=hello world (empty)",
        "WORKDIR /app",
        "COPY app/ ./ # buildkit",
        "COPY hello.sh /usr/local/bin/hello # buildkit",
        "COPY <<EOT /etc/motd # buildkit",
        "EXPOSE map[8080/tcp:{} 9090/udp:{}] (empty)",
        "VOLUME [/data] (empty)",
        "USER 1000:1000 (empty)",
        "STOPSIGNAL SIGTERM (empty)",
        "HEALTHCHECK &{[\"CMD\" \"/usr/local/bin/hello\" \"--check\"] \"30s\" \"5s\" \"0s\" \"0s\" '\\x03'} (empty)",
        "ENTRYPOINT [\"/usr/local/bin/hello\"] (empty)",
        "CMD [\"--name\" \"world\"] (empty)"), history);
    assertEquals(4, config.get("rootfs").get("diff_ids").size());
    // BuildKit's exporter: config-only entries take the time of the next layer, trailing ones the last
    JsonNode hs = config.get("history");
    assertEquals(hs.get(3).get("created"), hs.get(0).get("created"));
    assertEquals(hs.get(6).get("created"), hs.get(hs.size() - 1).get("created"));
    assertEquals(hs.get(6).get("created"), config.get("created"));
    JsonNode manifest = JSON.readTree(TestSupport.tool("skopeo", "inspect", "--raw", "oci:" + out + ":1"));
    assertEquals("application/vnd.oci.image.manifest.v1+json", manifest.get("mediaType").asText());
    assertEquals(first.configDigest().toString(), manifest.get("config").get("digest").asText());
    assertEquals(4, manifest.get("layers").size());
  }

  @Test
  void aCachedRebuildRunsNoStepAndNoCacheRunsThemAll() throws Exception {
    TestSupport.Built again = TestSupport.build(home, TestSupport.ociDir(context, tmp.resolve("oci2"), "hello:2"));
    assertEquals(0, again.progress().count(StepEvent.State.DONE));
    assertEquals(0, again.progress().count(StepEvent.State.STARTED));
    assertEquals(4, again.progress().count(StepEvent.State.CACHED));
    assertEquals(first.manifest().digest(), again.result().manifest().digest(),
        "a fully cached rebuild reproduces the image, as with BuildKit");
    TestSupport.Built fresh = TestSupport.build(home,
        TestSupport.ociDir(context, tmp.resolve("oci3"), "hello:3").withNoCache(true));
    assertEquals(4, fresh.progress().count(StepEvent.State.DONE));
    assertEquals(0, fresh.progress().count(StepEvent.State.CACHED));
  }

  @Test
  void aChangedFileInvalidatesOnlyTheStepsThatSeeIt() throws Exception {
    Path ctx = TestSupport.copyExample("hello", Files.createDirectories(tmp.resolve("ctx-changed")));
    Path h = tmp.resolve("home-changed");
    TestSupport.build(h, TestSupport.ociDir(ctx, tmp.resolve("c1"), "c:1"));
    Files.writeString(ctx.resolve("hello.sh"), "#!/bin/sh\necho changed\n");
    TestSupport.Built again = TestSupport.build(h, TestSupport.ociDir(ctx, tmp.resolve("c2"), "c:2"));
    assertEquals(2, again.progress().count(StepEvent.State.CACHED), "WORKDIR and COPY app/ stay cached");
    assertEquals(2, again.progress().count(StepEvent.State.DONE), "COPY hello.sh and later steps rerun");
  }

  @Test
  void sourceDateEpochGivesByteIdenticalImagesOnTwoMachines() throws Exception {
    Path ctx = TestSupport.copyExample("hello", Files.createDirectories(tmp.resolve("ctx-sde")));
    List<String> digests = new ArrayList<>();
    for (String machine : List.of("a", "b")) {
      BuildResult r = TestSupport.build(tmp.resolve("home-" + machine),
          TestSupport.ociDir(ctx, tmp.resolve("sde-" + machine), "r:1").withSourceDateEpoch(1_700_000_000L)).result();
      digests.add(r.manifest().digest().toString());
      JsonNode config = JSON.readTree(TestSupport.tool("skopeo", "inspect", "--config",
          "oci:" + tmp.resolve("sde-" + machine) + ":1"));
      assertEquals("2023-11-14T22:13:20Z", config.get("created").asText());
      for (JsonNode h : config.get("history")) {
        assertEquals("2023-11-14T22:13:20Z", h.get("created").asText());
      }
    }
    assertEquals(digests.get(0), digests.get(1));
    assertNotEquals(first.manifest().digest().toString(), digests.get(0));
  }
}
