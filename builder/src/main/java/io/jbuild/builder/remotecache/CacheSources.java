package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/** Creates {@link CacheSource}s. */
public final class CacheSources {
  private CacheSources() {}

  /** The local step cache: an entry counts only when all its layer blobs are in {@code blobs}. */
  public static CacheSource local(StepCache cache, BlobStore blobs) {
    return key -> cache.get(key, s -> s.layers().stream().allMatch(d -> blobs.has(d.digest())));
  }

  /**
   * The local step cache, then {@code remote}: a remote hit is materialised (missing layers fetched,
   * local entry written) before it is returned. A remote hit whose layers cannot be fetched is reported
   * through {@code warnings} and treated as a miss, so the step runs instead.
   */
  public static CacheSource withRemote(StepCache cache, BlobStore blobs, RemoteCache remote,
      Consumer<String> warnings) {
    CacheSource local = local(cache, blobs);
    if (remote.size() == 0) {
      return local;
    }
    return new CacheSource() {
      @Override
      public Optional<ImageState> find(CacheKey key) throws IOException {
        Optional<ImageState> hit = local.find(key);
        if (hit.isPresent() || remote.lookup(key).isEmpty()) {
          return hit;
        }
        try {
          return Optional.of(remote.materialize(key, blobs, cache));
        } catch (IOException e) {
          warnings.accept("warning: cache hit " + key.digest().shortHex() + " not usable: " + e.getMessage());
          return Optional.empty();
        }
      }
    };
  }
}
