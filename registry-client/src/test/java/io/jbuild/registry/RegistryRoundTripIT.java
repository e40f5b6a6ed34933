package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.registry.auth.CredentialStores;
import io.jbuild.registry.testing.Commands;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against the real distribution registry, cross-checked with skopeo. */
class RegistryRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RegistryServer registry;
  private static RegistryClient client;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
    registry = RegistryServer.start();
    client = RegistryClients.create(testOptions());
  }

  static RegistryOptions testOptions() {
    return RegistryOptions.defaults().withCredentials(CredentialStores.anonymous()).withCertsDir(null)
        .withChunkSize(64 * 1024).withRetry(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(200)));
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void pushedImageIsReadBackBySkopeo() throws Exception {
    TestImages.Image image = TestImages.random(1, 1000, 300_000);
    RecordingListener listener = new RecordingListener();
    Digest digest = client.push(registry.ref("app:1"), image.pushRequest(List.of("latest"), Map.of()), listener);
    assertEquals(image.digest(), digest);
    assertEquals(3, listener.completed.size());
    long total = image.blobs().stream().mapToLong(b -> b.bytes().length).sum();
    assertEquals(total, listener.bytes.get());

    for (String tag : List.of("1", "latest")) {
      JsonNode inspect = JSON.readTree(Commands.check("skopeo", "inspect", "--tls-verify=false",
          "docker://" + registry.host() + "/app:" + tag));
      assertEquals(image.digest().toString(), inspect.path("Digest").asText());
      List<String> layers = new ArrayList<>();
      inspect.path("Layers").forEach(n -> layers.add(n.asText()));
      assertEquals(image.layers().stream().map(l -> l.descriptor().digest().toString()).toList(), layers);
    }
    Path layout = tmp.resolve("copy");
    Commands.check("skopeo", "copy", "--src-tls-verify=false", "docker://" + registry.host() + "/app:1",
        "oci:" + layout + ":app");
    for (TestImages.Blob b : image.blobs()) {
      assertArrayEquals(b.bytes(), Files.readAllBytes(layout.resolve("blobs/sha256/" + b.descriptor().digest().hex())));
    }
    assertArrayEquals(image.manifest(), Files.readAllBytes(layout.resolve("blobs/sha256/" + digest.hex())));
  }

  @Test
  void secondPushUploadsNoBlob() throws Exception {
    TestImages.Image image = TestImages.random(2, 5000, 200_000);
    client.push(registry.ref("again:1"), image.pushRequest(), TransferListener.NONE);
    RecordingListener second = new RecordingListener();
    Digest digest = client.push(registry.ref("again:1"), image.pushRequest(), second);
    assertEquals(image.digest(), digest);
    assertTrue(second.started.isEmpty(), "no blob upload started: " + second.started);
    assertEquals(0, second.bytes.get());
    assertEquals(3, second.skipped.size());
    second.skipped.values().forEach(s -> assertEquals(TransferListener.Skip.EXISTS, s));
  }

  @Test
  void pullStoresVerifiedBlobsAndSkipsWhatTheSinkHas() throws Exception {
    TestImages.Image image = TestImages.random(3, 100, 150_000, 70_000);
    client.push(registry.ref("pullme:v1"), image.pushRequest(), TransferListener.NONE);
    Path store = tmp.resolve("store");
    ContentSink sink = ContentSinks.ociLayout(store);
    RecordingListener listener = new RecordingListener();
    PulledImage pulled = client.pull(registry.ref("pullme:v1"), null, sink, listener);
    assertEquals(image.digest(), pulled.manifestDigest());
    assertArrayEquals(image.config().bytes(), pulled.configBytes());
    assertArrayEquals(image.manifest(), pulled.manifestBytes());
    assertEquals(Platform.of("linux", "amd64", null), pulled.platform());
    assertNull(pulled.indexDigest());
    for (TestImages.Blob b : image.blobs()) {
      assertArrayEquals(b.bytes(), Files.readAllBytes(store.resolve("blobs/sha256/" + b.descriptor().digest().hex())));
    }
    assertTrue(Files.exists(store.resolve("blobs/sha256/" + image.digest().hex())));
    assertEquals(3, listener.completed.size());
    assertEquals(java.util.Optional.of(Descriptor.of(MediaTypes.OCI_MANIFEST, image.digest(), image.manifest().length)),
        client.headManifest(registry.ref("pullme:v1")));
    assertEquals(java.util.Optional.empty(), client.headManifest(registry.ref("pullme:v2")));

    RecordingListener again = new RecordingListener();
    client.pull(registry.ref("pullme@" + image.digest()), null, sink, again);
    assertTrue(again.started.isEmpty());
    assertEquals(3, again.skipped.size());
  }

  @Test
  void imagePushedBySkopeoIsPulled() throws Exception {
    TestImages.Image image = TestImages.random(4, 2000, 90_000);
    Path layout = tmp.resolve("layout");
    TestImages.writeLayout(layout, image, "v1");
    Commands.check("skopeo", "copy", "--dest-tls-verify=false", "oci:" + layout + ":v1",
        "docker://" + registry.host() + "/fromskopeo:v1");
    Path store = tmp.resolve("store");
    PulledImage pulled = client.pull(registry.ref("fromskopeo:v1"), null, ContentSinks.ociLayout(store),
        TransferListener.NONE);
    assertArrayEquals(image.config().bytes(), pulled.configBytes());
    assertEquals(image.layers().stream().map(TestImages.Blob::descriptor).map(Descriptor::digest).toList(),
        pulled.layers().stream().map(Descriptor::digest).toList());
    for (TestImages.Blob b : image.layers()) {
      assertArrayEquals(b.bytes(), Files.readAllBytes(store.resolve("blobs/sha256/" + b.descriptor().digest().hex())));
    }
  }

  @Test
  void blobsKnownInAnotherRepositoryAreMounted() throws Exception {
    TestImages.Image base = TestImages.random(5, 3000);
    client.push(registry.ref("base:1"), base.pushRequest(), TransferListener.NONE);
    TestImages.Image derived = TestImages.random(6, 4000);
    List<BlobSource> blobs = new ArrayList<>(derived.pushRequest().blobs());
    blobs.add(base.layers().get(0).source());
    Digest shared = base.layers().get(0).descriptor().digest();
    RecordingListener listener = new RecordingListener();
    client.push(registry.ref("derived:1"), new PushRequest(blobs, MediaTypes.OCI_MANIFEST, derived.manifest(),
        List.of(), Map.of(shared, "base")), listener);
    assertEquals(TransferListener.Skip.MOUNTED, listener.skipped.get(shared));
    java.net.http.HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(registry.url() + "/v2/derived/blobs/" + shared))
            .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertEquals(200, head.statusCode(), "the mounted blob is in the new repository");
  }

  @Test
  void indexIsResolvedToTheRequestedPlatform() throws Exception {
    TestImages.Image amd = TestImages.random(7, Platform.of("linux", "amd64", null), 100);
    TestImages.Image arm = TestImages.random(8, Platform.of("linux", "arm64", "v8"), 200);
    ImageReference ref = registry.ref("multi:1");
    for (TestImages.Image i : List.of(amd, arm)) {
      for (TestImages.Blob b : i.blobs()) {
        client.pushBlob(ref, b.source(), null, TransferListener.NONE);
      }
      client.pushManifest(ref.withDigest(i.digest()), MediaTypes.OCI_MANIFEST, i.manifest());
    }
    byte[] index = TestImages.index(List.of(amd, arm));
    assertEquals(Digest.sha256(index), client.pushManifest(ref, MediaTypes.OCI_INDEX, index));

    PulledImage pulled = client.resolve(ref, Platform.parse("linux/arm64"));
    assertEquals(arm.digest(), pulled.manifestDigest());
    assertEquals(Digest.sha256(index), pulled.indexDigest());
    assertArrayEquals(arm.config().bytes(), pulled.configBytes());
    assertEquals(amd.digest(), client.resolve(ref, Platform.parse("linux/amd64")).manifestDigest());

    RegistryException e = assertThrows(RegistryException.class,
        () -> client.resolve(ref, Platform.parse("linux/ppc64le")));
    assertEquals("resolving " + registry.host() + "/multi:1: no manifest for platform linux/ppc64le"
        + " (available: linux/amd64, linux/arm64/v8)", e.getMessage());
  }

  @Test
  void unknownTagIsAClearError() {
    RegistryException e = assertThrows(RegistryException.class, () -> client.pull(registry.ref("nothing:here"),
        null, ContentSinks.ociLayout(tmp), TransferListener.NONE));
    assertTrue(e.code().isPresent(), e.getMessage());
    assertTrue(e.code().get().equals("MANIFEST_UNKNOWN") || e.code().get().equals("NAME_UNKNOWN"), e.getMessage());
    assertEquals(404, e.status());
    assertTrue(e.getMessage().startsWith("pulling " + registry.host() + "/nothing:here: fetching manifest here: "
        + e.code().get() + ": "), e.getMessage());
  }
}
