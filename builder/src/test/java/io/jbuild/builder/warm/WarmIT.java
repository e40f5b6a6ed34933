package io.jbuild.builder.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildRequest;
import io.jbuild.builder.TestSupport;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.progress.StepEvent;
import io.jbuild.builder.remotecache.CacheSpec;
import io.jbuild.builder.remotecache.CacheSources;
import io.jbuild.builder.remotecache.RemoteCache;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.Digest;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.testing.BusyboxImage;
import io.jbuild.registry.testing.FaultProxy;
import io.jbuild.registry.testing.RegistryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jbuild warm} against the real registry, with a proxy counting requests: the first run pulls
 * and extracts, the next ones say "already warm" (one HEAD per tag, none within the TTL), and a build
 * afterwards fetches nothing.
 */
class WarmIT {
  static RegistryServer registry;
  static FaultProxy proxy;
  static final Supplier<RegistryClient> CLIENT = () -> RegistryClients.create(RegistryOptions.defaults());

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    registry = RegistryServer.start();
    proxy = FaultProxy.start(registry.port());
    TestSupport.tool("skopeo", "copy", "--dest-tls-verify=false",
        "oci:" + BusyboxImage.layout().toAbsolutePath() + ":latest", "docker://" + registry.host() + "/busybox:1");
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    registry.close();
  }

  @Test
  void warmThenAlreadyWarmThenBuildFetchesNothing() throws Exception {
    Path home = tmp.resolve("home");
    LocalImageStore store = LocalImageStore.open(new JbuildHome(home));
    Path df = tmp.resolve("Dockerfile");
    Files.writeString(df, "ARG REG=nowhere\nARG TAG=0\nFROM ${REG}/busybox:${TAG} AS base\nFROM base AS mid\n"
        + "RUN echo hi > /hi\nFROM mid AS run\nRUN echo run > /run\nFROM scratch\nCOPY --from=base /bin/busybox /b\n");
    String ref = proxy.host() + "/busybox:1";
    io.jbuild.builder.args.BuildArgs args = new io.jbuild.builder.args.BuildArgs(
        java.util.Map.of("REG", proxy.host(), "TAG", "1"));
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
    WarmRequest req = new WarmRequest(List.of(df), args, List.of(), List.of(), null, null);

    WarmReport first = new Warmer(store, CLIENT, lines::add, Clock.fixed(t0, ZoneOffset.UTC)).warm(req);
    assertEquals(1, first.pulled().size(), lines.toString());
    assertTrue(lines.get(0).startsWith("warm: pulled " + ref + " ("), lines.toString());
    StoredImage img = store.find(ref).orElseThrow();
    for (Digest diffId : img.config().rootfs().diffIds()) {
      assertTrue(Files.isDirectory(home.resolve("layers").resolve(diffId.hex())), "extracted " + diffId);
    }

    // again: one HEAD, nothing downloaded
    lines.clear();
    proxy.clearRequests();
    WarmReport second = new Warmer(store, CLIENT, lines::add, Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC))
        .warm(req);
    assertEquals(List.of("warm: " + ref + " already warm"), lines);
    assertEquals(0, second.pulled().size());
    assertTrue(proxy.requests().stream().allMatch(q -> q.method().equals("HEAD")), proxy.requests().toString());

    // within the TTL: no request at all; past it: asked again
    proxy.clearRequests();
    WarmRequest ttl = new WarmRequest(List.of(df), args, List.of(), List.of(), null, Duration.ofHours(1));
    new Warmer(store, CLIENT, s -> { }, Clock.fixed(t0.plusSeconds(120), ZoneOffset.UTC)).warm(ttl);
    assertEquals(0, proxy.requests().size(), proxy.requests().toString());
    new Warmer(store, CLIENT, s -> { }, Clock.fixed(t0.plus(Duration.ofHours(3)), ZoneOffset.UTC)).warm(ttl);
    // one manifest request (a fresh client's plain-HTTP probe of /v2/ aside)
    assertEquals(1, proxy.requests().stream().filter(q -> !q.target().equals("/v2/")).count(),
        proxy.requests().toString());

    // a build after warming: no registry request at all (base image and layers are local)
    proxy.clearRequests();
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.copy(df, ctx.resolve("Dockerfile"));
    TestSupport.Built built = TestSupport.build(home, BuildRequest.of(ctx)
        .withBuildArgs(args).withTarget("run"));
    assertEquals(2, built.result().stepsRun(), "both RUN steps ran on the warmed base");
    assertEquals(0, proxy.requests().size(), proxy.requests().toString());
  }

  @Test
  void warmPrefetchesRemoteCacheLayers() throws Exception {
    // machine A: a cache with one extra layer on busybox
    io.jbuild.builder.remotecache.RemoteCacheFixture a =
        io.jbuild.builder.remotecache.RemoteCacheFixture.export(tmp.resolve("a"), proxy.host() + "/cache:warm", CLIENT);
    Path homeB = tmp.resolve("b");
    LocalImageStore b = LocalImageStore.open(new JbuildHome(homeB));
    List<String> lines = new ArrayList<>();
    WarmReport r = new Warmer(b, CLIENT, lines::add).warm(new WarmRequest(List.of(), null, List.of(),
        List.of(CacheSpec.parseFrom(proxy.host() + "/cache:warm")), null, null));
    assertTrue(r.cacheLayers() > 0, lines.toString());
    assertEquals(a.steps(), r.cacheSteps());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("warm: pulled cache ")), lines.toString());

    // the build's cache lookups then fetch no blob: the hit is already local
    proxy.clearRequests();
    StepCache local = new StepCache(homeB.resolve("cache"));
    RemoteCache remote = RemoteCache.load(List.of(CacheSpec.parseFrom(proxy.host() + "/cache:warm")), CLIENT,
        b.blobs(), s -> { });
    assertTrue(CacheSources.withRemote(local, b.blobs(), remote, s -> { }).find(a.key()).isPresent());
    assertTrue(proxy.requests().stream().noneMatch(q -> q.method().equals("GET")), proxy.requests().toString());

    lines.clear();
    new Warmer(b, CLIENT, lines::add).warm(new WarmRequest(List.of(), null, List.of(),
        List.of(CacheSpec.parseFrom(proxy.host() + "/cache:warm")), null, null));
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("already warm")), lines.toString());
  }

  @Test
  void concurrentWarmsOfOneHomeAllSucceed() throws Exception {
    Path home = tmp.resolve("shared");
    String ref = proxy.host() + "/busybox:1";
    List<java.util.concurrent.Future<WarmReport>> runs = new ArrayList<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> new Warmer(LocalImageStore.open(new JbuildHome(home)), CLIENT, s -> { })
            .warm(new WarmRequest(List.of(), null, List.of(ref), List.of(), null, null))));
      }
      for (java.util.concurrent.Future<WarmReport> f : runs) {
        assertEquals(1, f.get().images().size());
      }
    } finally {
      pool.shutdownNow();
    }
    LocalImageStore store = LocalImageStore.open(new JbuildHome(home));
    StoredImage img = store.find(ref).orElseThrow();
    for (Digest diffId : img.config().rootfs().diffIds()) {
      assertTrue(Files.isDirectory(home.resolve("layers").resolve(diffId.hex())));
    }
    try (var left = Files.list(home.resolve("layers"))) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".tmp")), "no temp dirs left");
    }
  }

  @SuppressWarnings("unused")
  private static long cached(TestSupport.Built b) {
    return b.progress().count(StepEvent.State.CACHED);
  }
}
