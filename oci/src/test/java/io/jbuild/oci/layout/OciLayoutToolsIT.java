package io.jbuild.oci.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts and archives we write, read by umoci and skopeo; layouts they write, read by us. */
class OciLayoutToolsIT {
  private static final Platform AMD64 = Platform.of("linux", "amd64", null);
  @TempDir Path dir;

  private static JsonNode json(String text) throws Exception {
    return OciJson.readTree(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void umociUnpacksOurLayoutDirectory() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "hello from jbuild\n");
    Path layout = dir.resolve("layout");
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.named(manifest, "docker.io/library/demo:1")));

    String stat = Tools.run("umoci", "stat", "--json", "--image", layout + ":1");
    assertTrue(stat.contains("COPY files /"), stat);
    Path bundle = dir.resolve("bundle");
    Tools.run("umoci", "unpack", "--image", layout + ":1", bundle.toString());
    assertEquals("hello from jbuild\n", Files.readString(bundle.resolve("rootfs/etc/hello.txt")));
    assertEquals("two", Files.readString(bundle.resolve("rootfs/etc/second.txt")));
    String runtimeConfig = Files.readString(bundle.resolve("config.json"));
    assertTrue(runtimeConfig.contains("cat /etc/hello.txt"), runtimeConfig);
  }

  @Test
  void skopeoInspectsAndCopiesOurLayout() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "skopeo\n");
    Path layout = dir.resolve("layout");
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.named(manifest, "docker.io/library/demo:1")));

    JsonNode inspect = json(Tools.run("skopeo", "inspect", "oci:" + layout + ":1"));
    assertEquals(manifest.digest().toString(), inspect.get("Digest").asText());
    assertEquals(2, inspect.get("Layers").size());
    assertEquals("amd64", inspect.get("Architecture").asText());
    JsonNode config = json(Tools.run("skopeo", "inspect", "--config", "oci:" + layout + ":1"));
    assertEquals("cat /etc/hello.txt", config.get("config").get("Cmd").get(2).asText());

    Path copy = dir.resolve("copy");
    Tools.run("skopeo", "copy", "oci:" + layout + ":1", "oci:" + copy + ":copied");
    try (OciLayoutReader reader = OciLayoutReader.open(copy)) {
      BlobStore other = BlobStore.open(dir.resolve("other"));
      ResolvedImage image = reader.pull("copied", AMD64, other);
      assertEquals(manifest.digest(), image.digest());
      assertEquals(List.of("cat /etc/hello.txt"), image.config().config().cmd().subList(2, 3));
      for (Descriptor layer : image.layers()) {
        other.verify(layer.digest());
      }
    }
  }

  @Test
  void skopeoReadsOurOciArchiveAndDockerArchive() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "archive\n");
    List<LayoutEntry> entries = List.of(LayoutEntry.named(manifest, "docker.io/library/demo:1"));

    Path ociTar = dir.resolve("image-oci.tar");
    try (OutputStream out = Files.newOutputStream(ociTar)) {
      OciLayoutWriter.writeTar(out, store, entries);
    }
    JsonNode inspect = json(Tools.run("skopeo", "inspect", "oci-archive:" + ociTar + ":1"));
    assertEquals(2, inspect.get("Layers").size());

    Path dockerTar = dir.resolve("image-docker.tar");
    try (OutputStream out = Files.newOutputStream(dockerTar)) {
      DockerArchiveWriter.write(out, store, entries);
    }
    JsonNode docker = json(Tools.run("skopeo", "inspect", "docker-archive:" + dockerTar));
    assertEquals(2, docker.get("Layers").size());
    // skopeo finds the image by its RepoTags entry in manifest.json
    Path extracted = dir.resolve("from-docker");
    Tools.run("skopeo", "copy", "docker-archive:" + dockerTar + ":demo:1", "oci:" + extracted + ":x");
    try (OciLayoutReader reader = OciLayoutReader.open(extracted)) {
      ResolvedImage image = reader.resolve("x", AMD64);
      assertEquals(2, image.layers().size());
      assertEquals("/bin", image.config().config().envValue("PATH"));
    }
  }

  @Test
  void weReadLayoutsWrittenByUmoci() throws Exception {
    Path layout = dir.resolve("umoci");
    Tools.run("umoci", "init", "--layout", layout.toString());
    Tools.run("umoci", "new", "--image", layout + ":t");
    Tools.run("umoci", "config", "--image", layout + ":t", "--config.cmd", "echo", "--config.cmd", "hi",
        "--config.env", "A=1", "--config.workingdir", "/work", "--config.exposedports", "80/tcp");
    try (OciLayoutReader reader = OciLayoutReader.open(layout)) {
      assertEquals(List.of("t"), reader.tags());
      BlobStore store = BlobStore.open(dir.resolve("store"));
      ResolvedImage image = reader.pull("t", Platform.host(), store);
      assertEquals(List.of("echo", "hi"), image.config().config().cmd());
      assertEquals("1", image.config().config().envValue("A"));
      assertEquals("/work", image.config().config().workingDir());
      assertTrue(image.config().config().exposedPorts().contains("80/tcp"));
      assertTrue(store.has(image.digest()));
      assertTrue(store.has(image.manifest().config().digest()));
      ResolvedImage byDefault = reader.resolve(null, null);
      assertEquals(image.digest(), byDefault.digest());
    }
  }
}
