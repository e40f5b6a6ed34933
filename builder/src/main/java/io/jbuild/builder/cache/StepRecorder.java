package io.jbuild.builder.cache;

import io.jbuild.builder.state.ImageState;

/**
 * Told about every cacheable step of a build, run or answered from a cache (what a
 * {@code --cache-to} export carries). Thread-safe. {@link #NONE} forgets everything.
 */
@FunctionalInterface
public interface StepRecorder {
  StepRecorder NONE = (stage, key, state) -> { };

  void record(String stage, CacheKey key, ImageState state);
}
