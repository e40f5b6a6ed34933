package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.state.ImageState;
import java.io.IOException;
import java.util.Optional;

/**
 * Answers a build step's cache key with the image state a previous build produced for it, its layer
 * blobs present in the local store when the answer is returned (a remote answer is fetched first). Made
 * by {@link CacheSources}; thread-safe (stages build concurrently).
 */
public interface CacheSource {
  /** The cached state of {@code key}, or empty on a miss. */
  Optional<ImageState> find(CacheKey key) throws IOException;
}
