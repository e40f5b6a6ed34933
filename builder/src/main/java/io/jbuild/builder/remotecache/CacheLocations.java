package io.jbuild.builder.remotecache;

import io.jbuild.oci.store.BlobStore;
import io.jbuild.registry.RegistryClient;
import java.util.function.Supplier;

/** Creates {@link CacheLocation}s. */
final class CacheLocations {
  private CacheLocations() {}

  /**
   * The location a spec names; the registry client is created only when a registry is used;
   * {@code local} (may be null) keeps loaded cache manifests and configs.
   */
  static CacheLocation of(CacheSpec spec, Supplier<RegistryClient> registry, BlobStore local, boolean forExport) {
    if (spec.type() == CacheSpec.Type.REGISTRY) {
      return new RegistryLocation(spec.ref(), registry, local);
    }
    return new LayoutLocation(forExport ? spec.dest() : spec.src(), spec.tag());
  }
}
