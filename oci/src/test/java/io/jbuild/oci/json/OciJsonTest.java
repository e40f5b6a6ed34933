package io.jbuild.oci.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.HealthConfig;
import io.jbuild.oci.History;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OciJsonTest {
  private static final Digest D1 = Digest.sha256("one".getBytes(StandardCharsets.UTF_8));
  private static final Digest D2 = Digest.sha256("two".getBytes(StandardCharsets.UTF_8));

  private static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static ImageConfig knownConfig() {
    ContainerConfig cc = ContainerConfig.EMPTY
        .withEnvVar("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        .withEnvVar("A", "x&y<z>")
        .withCmd(List.of("sh", "-c", "echo hi"))
        .withExposedPort("80/tcp")
        .withExposedPort("443/tcp")
        .withVolume("/data")
        .withWorkingDir("/app")
        .withLabel("b", "2")
        .withLabel("a", "1")
        .withStopSignal("SIGTERM")
        .withArgsEscaped(true)
        .withHealthcheck(HealthConfig.of(List.of("CMD-SHELL", "true"))
            .withInterval(Duration.ofSeconds(30)).withRetries(3))
        .withOnBuild(List.of("RUN true"))
        .withShell(List.of("/bin/sh", "-c"))
        .withUser("1000:1000");
    return ImageConfig.scratch(Platform.of("linux", "amd64", null))
        .withCreated(Instant.parse("2024-01-02T03:04:05.120Z"))
        .withConfig(cc)
        .withLayer(D1, History.layer(Instant.parse("2024-01-02T03:04:05Z"), "COPY a /a # buildkit", "buildkit.dockerfile.v0"))
        .withHistoryEntry(History.emptyLayer(null, "ENV A=x&y<z>", null));
  }

  @Test
  void goldenImageConfig() throws Exception {
    String expected = "{\"architecture\":\"amd64\","
        + "\"config\":{\"User\":\"1000:1000\",\"ExposedPorts\":{\"443/tcp\":{},\"80/tcp\":{}},"
        + "\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"A=x\\u0026y\\u003cz\\u003e\"],"
        + "\"Cmd\":[\"sh\",\"-c\",\"echo hi\"],\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/app\","
        + "\"Labels\":{\"a\":\"1\",\"b\":\"2\"},\"StopSignal\":\"SIGTERM\",\"ArgsEscaped\":true,"
        + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":30000000000,\"Retries\":3},"
        + "\"OnBuild\":[\"RUN true\"],\"Shell\":[\"/bin/sh\",\"-c\"]},"
        + "\"created\":\"2024-01-02T03:04:05.12Z\","
        + "\"history\":[{\"created\":\"2024-01-02T03:04:05Z\",\"created_by\":\"COPY a /a # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"},"
        + "{\"created_by\":\"ENV A=x\\u0026y\\u003cz\\u003e\",\"empty_layer\":true}],"
        + "\"os\":\"linux\","
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + D1 + "\"]}}";
    byte[] written = OciJson.write(knownConfig());
    assertEquals(expected, str(written));
    assertEquals(knownConfig(), OciJson.read(written, ImageConfig.class));
  }

  @Test
  void scratchConfigKeepsRequiredFields() throws Exception {
    assertEquals("{\"architecture\":\"arm64\",\"config\":{},\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}",
        str(OciJson.write(ImageConfig.scratch(Platform.parse("linux/arm64")))));
  }

  @Test
  void readsDockerConfigWithExtraFieldsAndOffsets() throws Exception {
    String json = "{\"architecture\":\"amd64\",\"container\":\"abc\",\"container_config\":{\"Hostname\":\"x\"},"
        + "\"created\":\"2023-05-01T12:00:00.123456789+02:00\",\"docker_version\":\"20.10\","
        + "\"config\":{\"Hostname\":\"\",\"Env\":[\"A=1\"],\"Cmd\":null,\"ExposedPorts\":{\"80/tcp\":{}},"
        + "\"Volumes\":null,\"Labels\":null,\"Healthcheck\":{\"Test\":[\"NONE\"]}},"
        + "\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + D2 + "\"]}}";
    ImageConfig config = OciJson.read(json.getBytes(StandardCharsets.UTF_8), ImageConfig.class);
    assertEquals(Instant.parse("2023-05-01T10:00:00.123456789Z"), config.created());
    assertEquals(List.of("A=1"), config.config().env());
    assertEquals("1", config.config().envValue("A"));
    assertEquals(List.of(), config.config().cmd());
    assertEquals(Set.of("80/tcp"), config.config().exposedPorts());
    assertEquals(HealthConfig.none(), config.config().healthcheck());
    assertEquals(List.of(D2), config.rootfs().diffIds());
    assertEquals(Platform.of("linux", "amd64", null), config.platform());
  }

  @Test
  void manifestFieldOrderAndDockerMediaType() throws Exception {
    Descriptor cfg = Descriptor.of(MediaTypes.DOCKER_CONFIG, D1, 10);
    Descriptor layer = Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, D2, 20);
    ImageManifest docker = new ImageManifest(2, MediaTypes.DOCKER_MANIFEST, null, cfg, List.of(layer), null, null);
    String json = str(OciJson.write(docker));
    assertEquals("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\","
        + "\"config\":{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG + "\",\"digest\":\"" + D1 + "\",\"size\":10},"
        + "\"layers\":[{\"mediaType\":\"" + MediaTypes.DOCKER_LAYER_GZIP + "\",\"digest\":\"" + D2 + "\",\"size\":20}]}", json);
    assertEquals(docker, OciJson.read(json.getBytes(StandardCharsets.UTF_8), ImageManifest.class));
  }

  @Test
  void indexWithPlatformAndAnnotations() throws Exception {
    Descriptor m = Descriptor.of(MediaTypes.OCI_MANIFEST, D1, 5)
        .withPlatform(Platform.of("linux", "arm", "v7"))
        .withAnnotations(Map.of("z", "1", "a", "2"));
    ImageIndex index = ImageIndex.oci(List.of(m));
    String json = str(OciJson.write(index));
    assertEquals("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + D1 + "\",\"size\":5,\"annotations\":{\"a\":\"2\",\"z\":\"1\"},"
        + "\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\"}}]}", json);
    assertEquals(index, OciJson.read(json.getBytes(StandardCharsets.UTF_8), ImageIndex.class));
    assertEquals(MediaTypes.OCI_INDEX, OciJson.mediaTypeOf(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void indentedLikeGo() {
    ImageIndex index = ImageIndex.oci(List.of(Descriptor.of(MediaTypes.OCI_MANIFEST, D1, 5)));
    String expected = "{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"" + MediaTypes.OCI_INDEX + "\",\n"
        + "  \"manifests\": [\n    {\n      \"mediaType\": \"" + MediaTypes.OCI_MANIFEST + "\",\n"
        + "      \"digest\": \"" + D1 + "\",\n      \"size\": 5\n    }\n  ]\n}";
    assertEquals(expected, str(OciJson.writeIndented(index)));
    assertEquals("{}", str(OciJson.writeIndented(Map.of())));
    assertEquals("[]", str(OciJson.writeIndented(List.of())));
  }

  @Test
  void errorsNameTheDocumentAndPath() {
    String bad = "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:zz\",\"size\":1},\"layers\":[]}";
    InvalidJsonException e = assertThrows(InvalidJsonException.class,
        () -> OciJson.read(bad.getBytes(StandardCharsets.UTF_8), ImageManifest.class));
    assertEquals("invalid image manifest: config.digest: invalid digest: sha256:zz", e.getMessage());

    e = assertThrows(InvalidJsonException.class, () -> OciJson.read("{\"os\":".getBytes(StandardCharsets.UTF_8), ImageConfig.class));
    assertTrue(e.getMessage().startsWith("invalid image config: "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());

    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}";
    e = assertThrows(InvalidJsonException.class, () -> OciJson.read(index.getBytes(StandardCharsets.UTF_8), ImageManifest.class));
    assertEquals("invalid image manifest: media type " + MediaTypes.OCI_INDEX + " is not a manifest", e.getMessage());

    e = assertThrows(InvalidJsonException.class,
        () -> OciJson.read("{\"schemaVersion\":1,\"fsLayers\":[]}".getBytes(StandardCharsets.UTF_8), ImageManifest.class));
    assertEquals("invalid image manifest: unsupported schemaVersion 1", e.getMessage());
  }

  @Test
  void controlCharactersEscapedLikeGo() {
    assertEquals("\"a\\u0001\\n\\u2028\\u00e9\"".replace("\\u00e9", "\u00e9"), str(OciJson.write("a\u0001\n\u2028\u00e9")));
  }

  @Test
  void writtenBytesAreCompact() {
    byte[] b = OciJson.write(knownConfig());
    assertTrue(b[b.length - 1] == '}');
    assertArrayEquals(b, OciJson.write(OciJsonTest.knownConfig()));
  }
}
