package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbuild.registry.testing.BusyboxImage;
import io.jbuild.registry.testing.Commands;
import io.jbuild.registry.testing.RegistryServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pull} unpacks what it pulls, as {@code docker pull} does, and refuses a layer that escapes its root. */
class PullUnpacksIT {
  @TempDir Path tmp;

  @BeforeAll
  static void check() {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
  }

  @Test
  void pullExtractsTheLayersOfWhatItPulls() throws Exception {
    try (RegistryServer registry = RegistryServer.start()) {
      String ref = registry.host() + "/base/busybox:1";
      Commands.check("skopeo", "copy", "--dest-tls-verify=false",
          "oci:" + BusyboxImage.layout().toAbsolutePath() + ":latest", "docker://" + ref);
      Jbuild user = Jbuild.in(tmp.resolve("u"));
      Jbuild.Result pulled = user.run("pull", ref);
      assertEquals(0, pulled.exit(), pulled.toString());
      Path layers = tmp.resolve("u/home/layers");
      List<Path> extracted;
      try (var s = Files.list(layers)) {
        extracted = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      }
      assertFalse(extracted.isEmpty(), "layers extracted by pull");
      assertTrue(extracted.stream().anyMatch(p -> Files.exists(p.resolve("bin/busybox"))), extracted.toString());
    }
  }

  @Test
  void aLayerThatEscapesItsRootFailsThePullAndWritesNothingOutside() throws Exception {
    try (RegistryServer registry = RegistryServer.start()) {
      Path layout = evilLayout(tmp.resolve("evil"));
      String ref = registry.host() + "/evil/app:1";
      Commands.check("skopeo", "copy", "--dest-tls-verify=false", "oci:" + layout.toAbsolutePath() + ":latest",
          "docker://" + ref);
      Jbuild user = Jbuild.in(tmp.resolve("u"));
      Jbuild.Result pulled = user.run("pull", ref);
      assertEquals(1, pulled.exit(), pulled.toString());
      assertTrue(pulled.stderr().contains("path escapes the root"), pulled.stderr());
      assertFalse(pulled.stderr().contains("\tat "), "no stack trace: " + pulled.stderr());
      try (var s = Files.walk(tmp)) {
        assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("escaped.txt")).toList());
      }
      try (var s = Files.list(tmp.resolve("u/home/layers"))) {
        assertEquals(List.of(), s.toList(), "no layer, whole or half, is left");
      }
    }
  }

  /** An OCI layout whose only layer holds {@code ../../escaped.txt}. */
  private static Path evilLayout(Path dir) throws Exception {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
      byte[] data = "escaped\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("../../escaped.txt", true);
      e.setSize(data.length);
      t.putArchiveEntry(e);
      t.write(data);
      t.closeArchiveEntry();
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write(tar.toByteArray());
    }
    byte[] layer = gz.toByteArray();
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[\"" + sha(tar.toByteArray()) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + sha(config)
        + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
        + "\"digest\":\"" + sha(layer) + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
    Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
    for (byte[] b : List.of(layer, config, manifest)) {
      Files.write(blobs.resolve(sha(b).substring(7)), b);
    }
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + sha(manifest) + "\",\"size\":"
        + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
    return dir;
  }

  private static String sha(byte[] b) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
