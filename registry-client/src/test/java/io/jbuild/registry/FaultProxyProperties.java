package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.oci.Digest;
import io.jbuild.registry.testing.FaultProxy;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of injected faults on blob downloads and uploads: every pull and push either
 * completes with exactly the right bytes or fails with a {@link RegistryException}; a failed pull
 * never leaves a blob (or temp file) behind.
 */
class FaultProxyProperties {
  private static RegistryServer registry;
  private static TestImages.Image image;

  @BeforeContainer
  static void start() throws Exception {
    if (!RegistryServer.available()) {
      return;
    }
    registry = RegistryServer.start();
    image = TestImages.random(61, 150_000, 3_000);
    RegistryClients.create(RegistryRoundTripIT.testOptions())
        .push(registry.ref("prop:1"), image.pushRequest(), TransferListener.NONE);
  }

  @AfterContainer
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Provide
  Arbitrary<List<FaultProxy.Fault>> faults() {
    Arbitrary<FaultProxy.Fault> one = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 160_000).map(FaultProxy.ResetAfter::new),
        Arbitraries.longs().between(0, 160_000).map(FaultProxy.TruncateAfter::new),
        Arbitraries.longs().between(0, 150_000).map(FaultProxy.Corrupt::new),
        Arbitraries.of(500, 502, 503).map(s -> new FaultProxy.Status(s, null)),
        Arbitraries.just(new FaultProxy.Status(429, "0")));
    return one.list().ofMinSize(0).ofMaxSize(6);
  }

  @Property(tries = 15)
  void pullsCompleteOrFailCleanly(@ForAll("faults") List<FaultProxy.Fault> faults) throws Exception {
    if (registry == null) {
      return;
    }
    Path store = Files.createTempDirectory("jbuild-prop-");
    try (FaultProxy proxy = FaultProxy.start(registry.port())) {
      for (FaultProxy.Fault f : faults) {
        proxy.inject(FaultProxy.matching("GET", "/blobs/"), f, 1);
      }
      RegistryClient client = RegistryClients.create(RegistryRoundTripIT.testOptions());
      try {
        client.pull(ImageReference.parse(proxy.host() + "/prop:1"), null, ContentSinks.ociLayout(store),
            TransferListener.NONE);
        for (TestImages.Blob b : image.blobs()) {
          assertArrayEquals(b.bytes(), Files.readAllBytes(store.resolve("blobs/sha256/" + b.descriptor().digest().hex())));
        }
      } catch (RegistryException e) {
        assertTrue(faults.size() >= 4, "fewer faults than attempts must not fail: " + e.getMessage());
        for (TestImages.Blob b : image.layers()) {
          Path p = store.resolve("blobs/sha256/" + b.descriptor().digest().hex());
          assertFalse(Files.exists(p) && !java.util.Arrays.equals(b.bytes(), Files.readAllBytes(p)));
        }
        try (var walk = Files.walk(store)) {
          assertFalse(walk.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp files left");
        }
      }
    } finally {
      RegistryServer.deleteTreeForTests(store);
    }
  }

  @Property(tries = 8)
  void pushesCompleteOrFailCleanly(@ForAll("faults") List<FaultProxy.Fault> faults) throws Exception {
    if (registry == null) {
      return;
    }
    TestImages.Image fresh = TestImages.random(System.nanoTime(), 120_000);
    try (FaultProxy proxy = FaultProxy.start(registry.port())) {
      for (FaultProxy.Fault f : faults) {
        proxy.inject(r -> !r.method().equals("HEAD") && !r.method().equals("GET"), f, 1);
      }
      RegistryClient client = RegistryClients.create(RegistryRoundTripIT.testOptions());
      String repo = "pushprop" + Math.abs(fresh.digest().hex().hashCode() % 100000);
      try {
        Digest d = client.push(ImageReference.parse(proxy.host() + "/" + repo + ":1"), fresh.pushRequest(),
            TransferListener.NONE);
        PulledImage back = RegistryClients.create(RegistryRoundTripIT.testOptions())
            .resolve(registry.ref(repo + ":1"), null);
        assertArrayEquals(fresh.manifest(), back.manifestBytes());
        assertArrayEquals(fresh.config().bytes(), back.configBytes());
        org.junit.jupiter.api.Assertions.assertEquals(fresh.digest(), d);
      } catch (RegistryException e) {
        // failing cleanly is allowed once faults outnumber attempts
        assertTrue(faults.size() >= 4, "fewer faults than attempts must not fail: " + e.getMessage());
      }
    }
  }
}
