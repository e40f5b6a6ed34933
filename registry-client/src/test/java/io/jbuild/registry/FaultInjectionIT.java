package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbuild.oci.Digest;
import io.jbuild.registry.testing.Commands;
import io.jbuild.registry.testing.FaultProxy;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes and pulls through {@link FaultProxy}: they complete or fail cleanly, never storing bad blobs. */
class FaultInjectionIT {
  private static RegistryServer registry;
  private static RegistryClient direct;
  private FaultProxy proxy;
  private RegistryClient client;

  @TempDir
  Path tmp;

  @BeforeAll
  static void startRegistry() throws Exception {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
    registry = RegistryServer.start();
    direct = RegistryClients.create(RegistryRoundTripIT.testOptions());
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = FaultProxy.start(registry.port());
    client = RegistryClients.create(RegistryRoundTripIT.testOptions());
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.close();
  }

  private ImageReference viaProxy(String repoTag) {
    return ImageReference.parse(proxy.host() + "/" + repoTag);
  }

  private static Path blobFile(Path store, Digest d) {
    return store.resolve("blobs/sha256/" + d.hex());
  }

  @Test
  void interruptedDownloadsResumeWithRange() throws Exception {
    TestImages.Image image = TestImages.random(11, 400_000);
    direct.push(registry.ref("resume:1"), image.pushRequest(), TransferListener.NONE);
    Digest layer = image.layers().get(0).descriptor().digest();
    proxy.inject(FaultProxy.matching("GET", "/blobs/" + layer), new FaultProxy.TruncateAfter(100_000), 1);
    proxy.inject(FaultProxy.matching("GET", "/blobs/" + layer), new FaultProxy.ResetAfter(50_000), 1);
    Path store = tmp.resolve("store");
    client.pull(viaProxy("resume:1"), null, ContentSinks.ociLayout(store), TransferListener.NONE);
    assertArrayEquals(image.layers().get(0).bytes(), Files.readAllBytes(blobFile(store, layer)));
    List<String> ranges = proxy.requests().stream().filter(r -> r.target().contains("/blobs/" + layer))
        .map(r -> r.header("Range")).toList();
    assertEquals(3, ranges.size(), ranges.toString());
    assertEquals(null, ranges.get(0));
    assertTrue(ranges.get(1) != null && ranges.get(1).startsWith("bytes="), ranges.toString());
    assertTrue(ranges.get(2) != null && ranges.get(2).startsWith("bytes="), ranges.toString());
  }

  @Test
  void stalledDownloadsTimeOutAndResume() throws Exception {
    TestImages.Image image = TestImages.random(15, 200_000);
    direct.push(registry.ref("stall:1"), image.pushRequest(), TransferListener.NONE);
    Digest layer = image.layers().get(0).descriptor().digest();
    proxy.inject(FaultProxy.matching("GET", "/blobs/" + layer), new FaultProxy.StallAfter(60_000, 5_000), 1);
    RegistryClient impatient = RegistryClients.create(RegistryRoundTripIT.testOptions()
        .withTimeout(Duration.ofMillis(500)));
    Path store = tmp.resolve("store");
    long start = System.nanoTime();
    impatient.pull(viaProxy("stall:1"), null, ContentSinks.ociLayout(store), TransferListener.NONE);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4_000, "did not wait for the stall");
    assertArrayEquals(image.layers().get(0).bytes(), Files.readAllBytes(blobFile(store, layer)));
    assertTrue(proxy.requests().stream().anyMatch(r -> r.header("Range") != null), "resumed with Range");
  }

  @Test
  void serverErrorsAndRateLimitsAreRetriedHonouringRetryAfter() throws Exception {
    TestImages.Image image = TestImages.random(12, 1000);
    direct.push(registry.ref("flaky:1"), image.pushRequest(), TransferListener.NONE);
    proxy.inject(FaultProxy.matching("GET", "/manifests/"), new FaultProxy.Status(500, null), 1);
    proxy.inject(FaultProxy.matching("GET", "/manifests/"), new FaultProxy.Status(429, "1"), 1);
    proxy.inject(FaultProxy.matching("GET", "/manifests/"), new FaultProxy.TruncateAfter(20), 1);
    RegistryClient slowRetries = RegistryClients.create(RegistryRoundTripIT.testOptions()
        .withRetry(new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(3))));
    long start = System.nanoTime();
    PulledImage pulled = slowRetries.pull(viaProxy("flaky:1"), null, ContentSinks.ociLayout(tmp),
        TransferListener.NONE);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "waited for Retry-After");
    assertEquals(image.digest(), pulled.manifestDigest());
    assertEquals(4, proxy.requests().stream().filter(r -> r.target().contains("/manifests/")).count());
  }

  @Test
  void persistentErrorsFailCleanlyAfterBoundedAttempts() throws Exception {
    proxy.inject(FaultProxy.matching("GET", "/manifests/"), new FaultProxy.Status(503, null), 100);
    RegistryException e = assertThrows(RegistryException.class, () -> client.resolve(viaProxy("down:1"), null));
    assertEquals(503, e.status());
    assertTrue(e.retryable());
    assertEquals("resolving " + proxy.host() + "/down:1: fetching manifest 1: UNKNOWN: injected 503", e.getMessage());
    assertEquals(4, proxy.requests().stream().filter(r -> r.target().contains("/manifests/")).count(),
        "4 attempts");
  }

  @Test
  void corruptBlobIsRetriedAndNeverStored() throws Exception {
    TestImages.Image image = TestImages.random(13, 30_000);
    direct.push(registry.ref("corrupt:1"), image.pushRequest(), TransferListener.NONE);
    Digest layer = image.layers().get(0).descriptor().digest();

    proxy.inject(FaultProxy.matching("GET", "/blobs/" + layer), new FaultProxy.Corrupt(1234), 1);
    Path once = tmp.resolve("once");
    client.pull(viaProxy("corrupt:1"), null, ContentSinks.ociLayout(once), TransferListener.NONE);
    assertArrayEquals(image.layers().get(0).bytes(), Files.readAllBytes(blobFile(once, layer)));

    proxy.inject(FaultProxy.matching("GET", "/blobs/" + layer), new FaultProxy.Corrupt(1234), 100);
    Path always = tmp.resolve("always");
    RegistryException e = assertThrows(RegistryException.class, () -> client.pull(viaProxy("corrupt:1"), null,
        ContentSinks.ociLayout(always), TransferListener.NONE));
    assertTrue(e.getMessage().startsWith("pulling " + proxy.host() + "/corrupt:1: fetching blob " + layer
        + ": digest mismatch: content has sha256:"), e.getMessage());
    assertFalse(Files.exists(blobFile(always, layer)));
    try (Stream<Path> files = Files.walk(always)) {
      assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing stored, no temp files left");
    }
  }

  @Test
  void failedUploadSessionsAreRestarted() throws Exception {
    TestImages.Image image = TestImages.random(14, 200_000, 2_000);
    Digest big = image.layers().get(0).descriptor().digest();
    proxy.inject(FaultProxy.matching("POST", "/blobs/uploads/"), new FaultProxy.Status(503, null), 1);
    proxy.inject(FaultProxy.matching("PATCH", "/blobs/uploads/"), new FaultProxy.Status(500, null), 1);
    proxy.inject(FaultProxy.matching("PUT", "/blobs/uploads/"), new FaultProxy.ResetAfter(0), 1);
    proxy.inject(FaultProxy.matching("PUT", "/manifests/"), new FaultProxy.Status(502, null), 1);
    RecordingListener listener = new RecordingListener();
    Digest pushed = client.push(viaProxy("upload:1"), image.pushRequest(), listener);
    assertEquals(image.digest(), pushed);
    assertTrue(proxy.requests().stream().anyMatch(r -> r.method().equals("PATCH")), "chunked upload used");
    assertTrue(listener.started.values().stream().mapToInt(Integer::intValue).sum() > 3, "sessions restarted");
    String inspect = Commands.check("skopeo", "inspect", "--tls-verify=false",
        "docker://" + registry.host() + "/upload:1");
    assertTrue(inspect.contains(image.digest().toString()), inspect);
    assertTrue(inspect.contains(big.toString()), inspect);
    Path store = tmp.resolve("check");
    direct.pull(registry.ref("upload:1"), null, ContentSinks.ociLayout(store), TransferListener.NONE);
    assertArrayEquals(image.layers().get(0).bytes(), Files.readAllBytes(blobFile(store, big)));
  }
}
