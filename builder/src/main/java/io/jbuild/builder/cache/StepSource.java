package io.jbuild.builder.cache;

import io.jbuild.builder.state.ImageState;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a step's cached result is looked up: the local {@link StepCache} (only entries whose blobs
 * the store holds), possibly backed by imported remote caches ({@code --cache-from}).
 */
@FunctionalInterface
public interface StepSource {
  /** The cached state of {@code key}, or empty on a miss. */
  Optional<ImageState> find(CacheKey key) throws IOException;
}
