package io.jbuild.oci.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.oci.store.CorruptBlobException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
  private static final Platform AMD64 = Platform.of("linux", "amd64", null);
  @TempDir Path dir;

  private static Map<String, byte[]> untar(byte[] tar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        assertEquals(0L, e.getModTime().getTime(), e.getName());
        assertEquals(0L, e.getLongUserId(), e.getName());
        assertEquals(e.isDirectory() ? 0755 : 0644, e.getMode() & 07777, e.getName());
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void tarIsReproducibleSortedAndReadable() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "x");
    List<LayoutEntry> entries = List.of(LayoutEntry.named(manifest, "registry.example:5000/team/app:v1"));
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    OciLayoutWriter.writeTar(a, store, entries);
    OciLayoutWriter.writeTar(b, store, entries);
    assertArrayEquals(a.toByteArray(), b.toByteArray());

    Map<String, byte[]> files = untar(a.toByteArray());
    List<String> names = new ArrayList<>(files.keySet());
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names);
    assertEquals(List.of("blobs/", "blobs/sha256/"), names.subList(0, 2));
    assertEquals(4 + 2 + 2, names.size()); // manifest, config, 2 layers + 2 dirs + index.json + oci-layout
    assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", new String(files.get("oci-layout"), StandardCharsets.UTF_8));
    ImageIndex index = OciJson.read(files.get("index.json"), ImageIndex.class);
    Descriptor entry = index.manifests().get(0);
    assertEquals(manifest.digest(), entry.digest());
    assertEquals("v1", entry.annotations().get(LayoutEntry.REF_NAME_ANNOTATION));
    assertEquals("registry.example:5000/team/app:v1", entry.annotations().get(LayoutEntry.IMAGE_NAME_ANNOTATION));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().startsWith("blobs/sha256/") && !f.getKey().endsWith("/")) {
        assertEquals(f.getKey().substring("blobs/sha256/".length()), Digest.sha256(f.getValue()).hex());
      }
    }

    Path tarFile = dir.resolve("layout.tar");
    Files.write(tarFile, a.toByteArray());
    try (OciLayoutReader reader = OciLayoutReader.open(tarFile)) {
      BlobStore target = BlobStore.open(dir.resolve("target"));
      ResolvedImage image = reader.pull("v1", AMD64, target);
      assertEquals(manifest.digest(), image.digest());
      assertEquals(4, target.list().count());
    }
  }

  @Test
  void dockerArchiveHasManifestJsonAndRepositories() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "d");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DockerArchiveWriter.write(out, store, List.of(
        LayoutEntry.named(manifest, "docker.io/library/demo:1"),
        LayoutEntry.named(manifest, "docker.io/me/demo")));
    Map<String, byte[]> files = untar(out.toByteArray());
    JsonNode items = OciJson.readTree(files.get("manifest.json"));
    assertEquals(1, items.size());
    JsonNode item = items.get(0);
    assertEquals("[\"demo:1\",\"me/demo:latest\"]", item.get("RepoTags").toString());
    String config = item.get("Config").asText();
    assertTrue(config.startsWith("blobs/sha256/") && files.containsKey(config), config);
    assertEquals(2, item.get("Layers").size());
    for (JsonNode layer : item.get("Layers")) {
      assertTrue(files.containsKey(layer.asText()), layer.asText());
    }
    JsonNode repos = OciJson.readTree(files.get("repositories"));
    assertTrue(repos.get("demo").has("1"));
    assertTrue(repos.get("me/demo").has("latest"));
    assertTrue(files.containsKey("index.json") && files.containsKey("oci-layout"));
  }

  @Test
  void directoryUpdatesReplaceSameTagAndKeepOthers() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor one = TestImages.simple(store, "1");
    Descriptor two = TestImages.simple(store, "2");
    Path layout = dir.resolve("layout");
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.tagged(one, "a")));
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.tagged(one, "b")));
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.tagged(two, "a")));
    try (OciLayoutReader reader = OciLayoutReader.open(layout)) {
      assertEquals(List.of("a", "b"), reader.tags());
      assertEquals(2, reader.index().manifests().size());
      assertEquals(two.digest(), reader.resolve("a", AMD64).digest());
      assertEquals(one.digest(), reader.resolve("b", AMD64).digest());
      InvalidLayoutException e = assertThrows(InvalidLayoutException.class, () -> reader.resolve(null, AMD64));
      assertTrue(e.getMessage().endsWith("has 2 images; name one with a tag (tags: a, b)"), e.getMessage());
      e = assertThrows(InvalidLayoutException.class, () -> reader.resolve("c", AMD64));
      assertTrue(e.getMessage().endsWith("has no image tagged c (tags: a, b)"), e.getMessage());
      assertEquals(one.digest(), reader.resolve(one.digest().toString(), AMD64).digest());
    }
    try (Stream<Path> top = Files.list(layout)) {
      assertEquals(List.of("blobs", "index.json", "oci-layout"),
          top.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void indexIsFollowedToThePlatform() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Platform arm64 = Platform.of("linux", "arm64", null);
    Descriptor amd = TestImages.image(store, AMD64, "amd", List.of(Map.of("etc/a", "amd")))
        .withPlatform(AMD64);
    Descriptor arm = TestImages.image(store, arm64, "arm", List.of(Map.of("etc/a", "arm")))
        .withPlatform(Platform.of("linux", "arm64", "v8"));
    Descriptor attestation = amd.withPlatform(new Platform("unknown", "unknown", null, null, null))
        .withAnnotations(Map.of("vnd.docker.reference.type", "attestation-manifest"));
    Descriptor index = store.put(MediaTypes.OCI_INDEX, OciJson.write(ImageIndex.oci(List.of(attestation, amd, arm))));
    Path layout = dir.resolve("layout");
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.named(index, "demo:multi")));
    try (OciLayoutReader reader = OciLayoutReader.open(layout)) {
      assertEquals(arm.digest(), reader.resolve("multi", arm64).digest());
      assertEquals(List.of("/bin/sh", "-c", "arm"), reader.resolve("multi", arm64).config().config().cmd());
      assertEquals(amd.digest(), reader.resolve(null, AMD64).digest());
      InvalidLayoutException e = assertThrows(InvalidLayoutException.class,
          () -> reader.resolve("multi", Platform.parse("linux/s390x")));
      assertTrue(e.getMessage().contains("has no image for platform linux/s390x (available: linux/amd64, linux/arm64/v8)"),
          e.getMessage());
    }
  }

  @Test
  void corruptBlobInLayoutIsRefused() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "c");
    Path layout = dir.resolve("layout");
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.tagged(manifest, "latest")));
    ResolvedImage image;
    try (OciLayoutReader reader = OciLayoutReader.open(layout)) {
      image = reader.resolve(null, AMD64);
    }
    Descriptor layer = image.layers().get(0);
    Path file = layout.resolve("blobs/sha256/" + layer.digest().hex());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    BlobStore target = BlobStore.open(dir.resolve("target"));
    try (OciLayoutReader reader = OciLayoutReader.open(layout)) {
      IOException e = assertThrows(IOException.class, () -> reader.pull(null, AMD64, target));
      assertTrue(e.getCause() instanceof CorruptBlobException, String.valueOf(e.getCause()));
      assertTrue(e.getMessage().contains("corrupt blob " + layer.digest()), e.getMessage());
    }
    assertFalse(target.has(layer.digest()));
  }

  @Test
  void malformedLayoutsGiveClearErrors() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    InvalidLayoutException e = assertThrows(InvalidLayoutException.class, () -> OciLayoutReader.open(empty));
    assertTrue(e.getMessage().endsWith("oci-layout file is missing (not an OCI image layout)"), e.getMessage());
    e = assertThrows(InvalidLayoutException.class, () -> OciLayoutReader.open(dir.resolve("nope")));
    assertTrue(e.getMessage().endsWith("no such directory or file"), e.getMessage());

    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(bad.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"sha256:../../../etc/passwd\",\"size\":1}]}");
    e = assertThrows(InvalidLayoutException.class, () -> OciLayoutReader.open(bad));
    assertTrue(e.getMessage().contains("index.json: invalid image index: manifests[0].digest: invalid digest"), e.getMessage());

    Files.writeString(bad.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
    e = assertThrows(InvalidLayoutException.class, () -> OciLayoutReader.open(bad));
    assertTrue(e.getMessage().endsWith("unsupported imageLayoutVersion 2.0.0"), e.getMessage());
  }

  @Test
  void symlinkedBlobOutsideTheLayoutIsRefused() throws Exception {
    BlobStore store = BlobStore.open(dir.resolve("store"));
    Descriptor manifest = TestImages.simple(store, "s");
    Path layout = dir.resolve("layout");
    OciLayoutWriter.writeDirectory(layout, store, List.of(LayoutEntry.tagged(manifest, "latest")));
    Path blob = layout.resolve("blobs/sha256/" + manifest.digest().hex());
    Path outside = dir.resolve("outside");
    Files.move(blob, outside);
    Files.createSymbolicLink(blob, outside);
    try (OciLayoutReader reader = OciLayoutReader.open(layout)) {
      InvalidLayoutException e = assertThrows(InvalidLayoutException.class, () -> reader.resolve(null, AMD64));
      assertTrue(e.getMessage().contains("resolves outside the layout"), e.getMessage());
    }
  }

  @Test
  void layoutReferences() {
    LayoutReference r = LayoutReference.parse("oci-layout:///tmp/x:1.0");
    assertEquals(Path.of("/tmp/x"), r.path());
    assertEquals("1.0", r.tag());
    assertEquals("1.0", r.selector());
    LayoutReference plain = LayoutReference.parse("oci-layout://./out");
    assertEquals(Path.of("./out"), plain.path());
    assertNull(plain.tag());
    Digest d = Digest.sha256(new byte[0]);
    LayoutReference pinned = LayoutReference.parse("oci-layout://a:b/c:t@" + d);
    assertEquals(Path.of("a:b/c"), pinned.path());
    assertEquals("t", pinned.tag());
    assertEquals(d.toString(), pinned.selector());
    assertThrows(IllegalArgumentException.class, () -> LayoutReference.parse("docker-image://x"));
    assertThrows(IllegalArgumentException.class, () -> LayoutReference.parse("oci-layout://x@sha256:12"));
    assertThrows(IllegalArgumentException.class, () -> LayoutReference.parse("oci-layout://:t"));
  }

  @Test
  void imageNames() {
    assertEquals("1", ImageNames.tagOf("docker.io/library/demo:1"));
    assertEquals("latest", ImageNames.tagOf("localhost:5000/demo"));
    assertEquals("v2", ImageNames.tagOf("localhost:5000/demo:v2@sha256:" + "a".repeat(64)));
    assertEquals("demo:1", ImageNames.familiar("docker.io/library/demo:1"));
    assertEquals("me/demo:latest", ImageNames.familiar("docker.io/me/demo"));
    assertEquals("localhost:5000/demo:latest", ImageNames.familiar("localhost:5000/demo"));
    assertNull(ImageNames.familiar("demo@sha256:" + "a".repeat(64)));
  }

  @Test
  void platformMatching() {
    assertTrue(Platform.parse("linux/arm64").matches(Platform.of("linux", "arm64", "v8")));
    assertTrue(Platform.parse("linux/arm64/v8").matches(Platform.of("linux", "arm64", null)));
    assertTrue(Platform.parse("linux/arm").matches(Platform.of("linux", "arm", "v7")));
    assertFalse(Platform.parse("linux/arm/v6").matches(Platform.of("linux", "arm", "v7")));
    assertFalse(Platform.parse("linux/amd64").matches(Platform.of("windows", "amd64", null)));
    assertTrue(Platform.parse("linux/amd64").matches(Platform.of("linux", "amd64", "v3")));
  }
}
