package io.jbuild.builder.remotecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.MediaTypes;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.testing.FaultProxy;
import io.jbuild.registry.testing.RegistryServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import through Debian's real registry and through OCI layouts, with two homes standing for
 * two machines: A records steps and exports them; B imports, looks keys up and materialises hits,
 * fetching only the layers it lacks (counted at a proxy in front of the registry).
 */
class RemoteCacheIT {
  static RegistryServer registry;
  static FaultProxy proxy;
  static final Supplier<RegistryClient> CLIENT = () -> RegistryClients.create(RegistryOptions.defaults());

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    registry = RegistryServer.start();
    proxy = FaultProxy.start(registry.port());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    registry.close();
  }

  record Machine(CacheFixtures m, List<RecordedStep> steps, CacheKey ka1, CacheKey ka2, CacheKey kb1) {}

  /** Machine A: stage a with two RUN steps, stage b with one, all recorded. */
  Machine machineA() throws Exception {
    CacheFixtures a = CacheFixtures.machine(tmp.resolve("a"));
    ImageState a1 = a.step(a.base, "a1", "one");
    ImageState a2 = a.step(a1, "a2", "two");
    ImageState b1 = a.step(a.base, "b1", "three");
    CacheKey ka1 = CacheFixtures.key(a.baseKey, "RUN a1");
    CacheKey ka2 = CacheFixtures.key(ka1.toString(), "RUN a2");
    CacheKey kb1 = CacheFixtures.key(a.baseKey, "RUN b1");
    return new Machine(a, List.of(new RecordedStep("a", ka1, a1), new RecordedStep("a", ka2, a2),
        new RecordedStep("b", kb1, b1)), ka1, ka2, kb1);
  }

  @Test
  void registryRoundTripFetchesOnlyMissingLayers() throws Exception {
    Machine a = machineA();
    String ref = proxy.host() + "/cache:rt";
    CacheSpec to = CacheSpec.parseTo("type=registry,ref=" + ref);
    CacheExporter.ExportResult r = CacheExporter.export(to, a.steps(), a.steps().get(1).state(),
        a.m().store.blobs(), CLIENT);
    assertEquals(3, r.steps());
    assertEquals(a.m().base.layers().size() + 3, r.layers());
    // the registry accepted our config media type and serves the manifest
    String raw = io.jbuild.builder.TestSupport.tool("skopeo", "inspect", "--raw", "--tls-verify=false",
        "docker://" + registry.host() + "/cache:rt");
    assertTrue(raw.contains(CacheConfig.MEDIA_TYPE), raw);

    // a second export of the same steps uploads no blob again
    proxy.clearRequests();
    CacheExporter.export(to, a.steps(), null, a.m().store.blobs(), CLIENT);
    assertTrue(proxy.requests().stream().noneMatch(q -> q.method().equals("PUT") && q.target().contains("/blobs/")
        || q.method().equals("POST")), proxy.requests().toString());

    CacheFixtures b = CacheFixtures.machine(tmp.resolve("b"));
    List<String> messages = new ArrayList<>();
    proxy.clearRequests();
    RemoteCache remote = RemoteCache.load(List.of(CacheSpec.parseFrom(ref)), CLIENT, b.store.blobs(), messages::add);
    assertEquals(3, remote.size());
    assertEquals(0, blobGets(), "loading reads no layer");
    // loading the unchanged cache again reads manifest and config locally: only a HEAD
    proxy.clearRequests();
    assertEquals(3, RemoteCache.load(List.of(CacheSpec.parseFrom(ref)), CLIENT, b.store.blobs(), s -> { }).size());
    assertTrue(proxy.requests().stream().allMatch(q -> q.method().equals("HEAD")), proxy.requests().toString());
    proxy.clearRequests();

    StepCache local = new StepCache(b.store.home().cache());
    CacheSource source = CacheSources.withRemote(local, b.store.blobs(), remote, messages::add);
    // unknown key: a miss, and probing continues afterwards
    assertTrue(source.find(CacheFixtures.key(b.baseKey, "RUN changed")).isEmpty());
    Optional<ImageState> hit = source.find(a.kb1());
    assertEquals(a.steps().get(2).state(), hit.orElseThrow());
    assertEquals(1, blobGets(), "only the one layer B lacks: " + proxy.requests());
    for (Descriptor l : hit.get().layers()) {
      assertTrue(b.store.blobs().has(l.digest()));
      b.store.blobs().verify(l.digest());
    }
    // the hit is now a local entry: no registry needed
    proxy.clearRequests();
    assertEquals(hit, CacheSources.local(local, b.store.blobs()).find(a.kb1()));
    assertEquals(hit, source.find(a.kb1()));
    assertEquals(0, proxy.requests().size());
    // the chained key of stage a: its two layers
    assertEquals(a.steps().get(1).state(), source.find(a.ka2()).orElseThrow());
    assertEquals(2, blobGets());
  }

  long blobGets() {
    return proxy.requests().stream().filter(q -> q.method().equals("GET") && q.target().contains("/blobs/")
        && !q.target().contains("/uploads/")).count()
        - configGets();
  }

  long configGets() {
    // each fetch resolves the cache manifest and config again; config GETs are not layer fetches
    return proxy.requests().stream().filter(q -> q.method().equals("GET") && q.target().contains("/manifests/"))
        .count();
  }

  @Test
  void missingCacheIsAWarningAndAnEmptyCache() throws Exception {
    List<String> messages = new ArrayList<>();
    RemoteCache remote = RemoteCache.load(List.of(CacheSpec.parseFrom(registry.host() + "/nothing:here"),
        CacheSpec.parseFrom("type=local,src=" + tmp.resolve("none"))), CLIENT, null, messages::add);
    assertEquals(0, remote.size());
    assertEquals(2, messages.stream().filter(s -> s.startsWith("warning:") && s.endsWith("not found")).count(),
        messages.toString());
  }

  @Test
  void anOrdinaryImageIsNotACache() throws Exception {
    io.jbuild.builder.TestSupport.tool("skopeo", "copy", "--dest-tls-verify=false",
        "oci:" + io.jbuild.registry.testing.BusyboxImage.layout().toAbsolutePath() + ":latest",
        "docker://" + registry.host() + "/plain:1");
    List<String> messages = new ArrayList<>();
    RemoteCache remote = RemoteCache.load(List.of(CacheSpec.parseFrom(registry.host() + "/plain:1")), CLIENT,
        null, messages::add);
    assertEquals(0, remote.size());
    assertTrue(messages.stream().anyMatch(s -> s.contains("not a jbuild cache")), messages.toString());
  }

  @Test
  void localLayoutRoundTripAndMinMode() throws Exception {
    Machine a = machineA();
    Path dir = tmp.resolve("cache-dir");
    CacheExporter.ExportResult r = CacheExporter.export(CacheSpec.parseTo("type=local,dest=" + dir + ",mode=min"),
        a.steps(), a.steps().get(1).state(), a.m().store.blobs(), CLIENT);
    assertEquals(2, r.steps());
    // umoci/skopeo can read the layout's manifest: it is a valid OCI layout
    String raw = io.jbuild.builder.TestSupport.tool("skopeo", "inspect", "--raw", "oci:" + dir + ":latest");
    assertTrue(raw.contains(MediaTypes.OCI_MANIFEST), raw);

    CacheFixtures b = CacheFixtures.machine(tmp.resolve("b"));
    RemoteCache remote = RemoteCache.load(List.of(CacheSpec.parseFrom("type=local,src=" + dir)), CLIENT, null, s -> { });
    assertEquals(2, remote.size());
    assertFalse(remote.lookup(a.kb1()).isPresent(), "min mode left stage b out");
    StepCache local = new StepCache(b.store.home().cache());
    ImageState got = remote.materialize(a.ka2(), b.store.blobs(), local);
    assertEquals(a.steps().get(1).state(), got);
    assertTrue(local.get(a.ka2(), s -> true).isPresent());
    for (Descriptor l : got.layers()) {
      b.store.blobs().verify(l.digest());
    }
  }

  @Test
  void zstdCompressionRewritesLayers() throws Exception {
    Machine a = machineA();
    Path dir = tmp.resolve("zstd");
    CacheExporter.export(CacheSpec.parseTo("type=local,dest=" + dir + ",compression=zstd"), a.steps(), null,
        a.m().store.blobs(), CLIENT);
    CacheFixtures b = CacheFixtures.machine(tmp.resolve("b"));
    RemoteCache remote = RemoteCache.load(List.of(CacheSpec.parseFrom("type=local,src=" + dir)), CLIENT, null, s -> { });
    ImageState got = remote.materialize(a.ka2(), b.store.blobs(), new StepCache(b.store.home().cache()));
    ImageState orig = a.steps().get(1).state();
    assertEquals(orig.diffIds(), got.diffIds());
    Descriptor last = got.layers().get(got.layers().size() - 1);
    assertEquals(MediaTypes.OCI_LAYER_ZSTD, last.mediaType());
    // the recompressed blob still holds the same tar: its diff id matches
    try (var in = io.jbuild.oci.layer.LayerReader.decompress(b.store.blobs().open(last.digest()))) {
      assertEquals(orig.diffIds().get(orig.diffIds().size() - 1),
          io.jbuild.oci.Digest.sha256(in.readAllBytes()));
    }
  }
}
