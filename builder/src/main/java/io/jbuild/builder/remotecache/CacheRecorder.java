package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.state.ImageState;

/**
 * Told about every cached step of a build, whether it ran or was answered from a cache, with the state
 * the step cache holds for it: what a {@code --cache-to} export carries. Thread-safe; {@link #NONE}
 * forgets everything.
 */
public interface CacheRecorder {
  /** Records nothing. */
  CacheRecorder NONE = (stage, key, state) -> { };

  /** The step of stage {@code stage} (its display name) with cache key {@code key} produced {@code state}. */
  void record(String stage, CacheKey key, ImageState state);
}
