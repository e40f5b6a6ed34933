package io.jbuild.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.progress.StepEvent;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.layer.LayerReader;
import io.jbuild.registry.testing.BusyboxImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-stage planning, RUN --mount, and a corrupt store. */
class MoreBuildsIT {
  @TempDir Path tmp;

  private Path context(String dockerfile) throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx-" + Math.abs(dockerfile.hashCode())));
    Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
    return ctx;
  }

  @Test
  void targetBuildsOnlyWhatItNeeds() throws Exception {
    Path ctx = context(String.join("\n",
        "FROM scratch AS a",
        "COPY <<EOF /a.txt",
        "a",
        "EOF",
        "FROM scratch AS b",
        "COPY <<EOF /b.txt",
        "b",
        "EOF",
        "FROM scratch AS unused",
        "COPY --from=missing-image-that-would-fail /x /x",
        "FROM scratch AS final",
        "COPY --from=a /a.txt /",
        "COPY --from=1 /b.txt /",
        ""));
    TestSupport.Built b = TestSupport.build(tmp.resolve("home"), BuildRequest.of(ctx).withTarget("final"));
    List<String> stages = b.progress().events().stream().map(StepEvent::stage).distinct().sorted().toList();
    assertEquals(List.of("a", "b", "final"), stages);
    assertEquals(2, b.result().manifest() == null ? -1 : layerCount(tmp.resolve("home"), b.result().manifest()));
    BuildException e = assertThrows(BuildException.class,
        () -> TestSupport.build(tmp.resolve("home"), BuildRequest.of(ctx).withTarget("nope")));
    assertEquals("target stage \"nope\" could not be found", e.getMessage());
  }

  private static int layerCount(Path home, Descriptor manifest) throws Exception {
    String json = Files.readString(home.resolve("blobs/sha256").resolve(manifest.digest().hex()));
    return json.split("\"application/vnd.oci.image.layer").length - 1;
  }

  @Test
  void runMountsCacheAndSecretsNeverReachTheImage() throws Exception {
    String base = "oci-layout://" + BusyboxImage.layout().toAbsolutePath();
    Path secret = tmp.resolve("token");
    Files.writeString(secret, "s3cr3t-value");
    Path ctx = context(String.join("\n",
        "FROM " + base,
        "RUN --mount=type=cache,target=/cache echo run >> /cache/count && wc -l < /cache/count > /count.txt",
        "RUN --mount=type=secret,id=token cat /run/secrets/token | wc -c > /secret-length.txt",
        "RUN --mount=type=bind,source=Dockerfile,target=/df grep -c ^FROM /df > /from-count.txt",
        "RUN --mount=type=tmpfs,target=/scratch touch /scratch/x && ls /scratch > /tmpfs.txt",
        ""));
    Path home = tmp.resolve("home-mounts");
    Path out = tmp.resolve("out");
    BuildRequest req = TestSupport.ociDir(ctx, out, "m:1").withSecrets(List.of("id=token,src=" + secret));
    TestSupport.build(home, req);
    TestSupport.build(home, req.withNoCache(true));
    Path bundle = tmp.resolve("bundle");
    TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
    Path rootfs = bundle.resolve("rootfs");
    assertEquals("2", Files.readString(rootfs.resolve("count.txt")).trim(), "the cache mount persists");
    assertEquals("12", Files.readString(rootfs.resolve("secret-length.txt")).trim());
    assertEquals("1", Files.readString(rootfs.resolve("from-count.txt")).trim());
    assertEquals("x", Files.readString(rootfs.resolve("tmpfs.txt")).trim());
    assertFalse(Files.exists(rootfs.resolve("cache/count")), "cache contents are not in a layer");
    assertFalse(Files.exists(rootfs.resolve("run/secrets/token")), "secrets are not in a layer");
    assertFalse(Files.exists(rootfs.resolve("scratch/x")), "tmpfs contents are not in a layer");
    // the secret is in no blob at all: layers (decompressed), config, manifest
    try (Stream<Path> blobs = Files.list(out.resolve("blobs/sha256"))) {
      for (Path blob : blobs.toList()) {
        assertFalse(contains(blob, "s3cr3t-value"), "secret found in " + blob);
      }
    }
  }

  @Test
  void aChangedFileUnderAContextBindMountRerunsTheStep() throws Exception {
    String base = "oci-layout://" + BusyboxImage.layout().toAbsolutePath();
    Path ctx = context("FROM " + base + "\nRUN --mount=type=bind,source=data.txt,target=/d cat /d > /out.txt\n");
    Files.writeString(ctx.resolve("data.txt"), "one");
    Path home = tmp.resolve("home-bind");
    TestSupport.build(home, BuildRequest.of(ctx));
    TestSupport.Built same = TestSupport.build(home, BuildRequest.of(ctx));
    assertEquals(1, same.progress().count(StepEvent.State.CACHED));
    Files.writeString(ctx.resolve("data.txt"), "two");
    TestSupport.Built changed = TestSupport.build(home, BuildRequest.of(ctx));
    assertEquals(0, changed.progress().count(StepEvent.State.CACHED), "the bound file changed");
  }

  @Test
  void anRwBindMountTakesWritesThatReachNeitherTheContextNorTheLayer() throws Exception {
    String base = "oci-layout://" + BusyboxImage.layout().toAbsolutePath();
    Path ctx = context("FROM " + base + "\n"
        + "RUN --mount=type=bind,source=data,target=/d,rw echo changed > /d/file && cat /d/file > /seen.txt\n"
        + "RUN --mount=type=bind,source=data,target=/d sh -c 'echo x > /d/file' 2> /ro.txt || echo refused >> /ro.txt\n");
    Files.createDirectories(ctx.resolve("data"));
    Files.writeString(ctx.resolve("data/file"), "original");
    Path out = tmp.resolve("out-rw");
    TestSupport.build(tmp.resolve("home-rw"), TestSupport.ociDir(ctx, out, "rw:1"));
    assertEquals("original", Files.readString(ctx.resolve("data/file")), "the context is untouched");
    Path bundle = tmp.resolve("bundle-rw");
    TestSupport.tool("umoci", "unpack", "--image", out + ":1", bundle.toString());
    Path rootfs = bundle.resolve("rootfs");
    assertEquals("changed", Files.readString(rootfs.resolve("seen.txt")).trim(), "the step saw its own write");
    assertFalse(Files.exists(rootfs.resolve("d/file")), "the mount's contents are not in the layer");
    assertTrue(Files.readString(rootfs.resolve("ro.txt")).contains("refused"), "without rw the bind is read-only");
  }

  private static boolean contains(Path blob, String needle) throws Exception {
    byte[] raw = Files.readAllBytes(blob);
    if (new String(raw, StandardCharsets.ISO_8859_1).contains(needle)) {
      return true;
    }
    try (InputStream in = LayerReader.decompress(Files.newInputStream(blob))) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(needle);
    } catch (Exception notALayer) {
      return false;
    }
  }

  @Test
  void aCorruptBlobIsAOneLineErrorAndTheNameStaysValid() throws Exception {
    Path home = tmp.resolve("home-corrupt");
    Path parent = context("FROM scratch\nCOPY <<EOF /f.txt\nhello\nEOF\n");
    BuildResult r = TestSupport.build(home, BuildRequest.of(parent).withTags(List.of("p:1"))).result();
    String manifest = Files.readString(home.resolve("blobs/sha256").resolve(r.manifest().digest().hex()));
    String layer = manifest.replaceAll(".*\"layers\":\\[\\{[^}]*\"digest\":\"sha256:([0-9a-f]{64})\".*", "$1");
    Path blob = home.resolve("blobs/sha256").resolve(layer);
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(blob, bytes);
    Path child = context("FROM p:1\nCOPY <<EOF /g.txt\nx\nEOF\n");
    BuildException e = assertThrows(BuildException.class,
        () -> TestSupport.build(home, BuildRequest.of(child).withTags(List.of("c:1"))));
    assertTrue(e.getMessage().startsWith("Dockerfile:2:1: "), e.getMessage());
    assertTrue(e.getMessage().contains(layer.substring(0, 12)), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(Files.exists(home.resolve("layers").resolve(r.configDigest().hex())));
  }
}
