package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.state.ImageState;
import io.jbuild.registry.RegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** For other packages' tests: machine A exports a one-step cache to a registry reference. */
public record RemoteCacheFixture(CacheKey key, ImageState state, int steps) {

  /** Builds a home under {@code dir} with a step on busybox and exports it to {@code ref}. */
  public static RemoteCacheFixture export(Path dir, String ref, Supplier<RegistryClient> client) throws Exception {
    CacheFixtures a = CacheFixtures.machine(dir);
    ImageState s = a.step(a.base, "warm", "layer");
    CacheKey k = CacheFixtures.key(a.baseKey, "RUN warm");
    CacheExporter.export(CacheSpec.parseTo("type=registry,ref=" + ref), List.of(new RecordedStep("s", k, s)), s,
        a.store.blobs(), client);
    return new RemoteCacheFixture(k, s, 1);
  }
}
