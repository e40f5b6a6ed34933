package io.jbuild.builder;

import io.jbuild.builder.progress.ProgressListener;
import io.jbuild.builder.remotecache.CacheSpec;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.registry.RegistryOptions;
import java.util.List;

/** Creates {@link Builder}s. */
public final class Builders {
  private Builders() {}

  /** A builder over the local store of {@code home}, reporting to {@code progress}. */
  public static Builder local(JbuildHome home, ProgressListener progress) {
    return new LocalBuilder(home, progress, List.of(), List.of(), RegistryOptions.defaults());
  }

  /**
   * A builder that also imports build cache from {@code cacheFrom} ({@code --cache-from}) and exports
   * every step to {@code cacheTo} ({@code --cache-to}) after a successful build.
   */
  public static Builder local(JbuildHome home, ProgressListener progress, List<CacheSpec> cacheFrom,
      List<CacheSpec> cacheTo) {
    return new LocalBuilder(home, progress, cacheFrom, cacheTo, RegistryOptions.defaults());
  }

  /** As {@link #local(JbuildHome, ProgressListener, List, List)}, with registry TLS and credential settings. */
  public static Builder local(JbuildHome home, ProgressListener progress, List<CacheSpec> cacheFrom,
      List<CacheSpec> cacheTo, RegistryOptions registryOptions) {
    return new LocalBuilder(home, progress, cacheFrom, cacheTo, registryOptions);
  }
}
