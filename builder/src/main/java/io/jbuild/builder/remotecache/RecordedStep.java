package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.state.ImageState;
import java.util.Objects;

/**
 * One cached step seen during a build (run or answered from a cache): the display name of its stage,
 * its cache key and the image state it produced, exactly what the local step cache stores under the key.
 */
public record RecordedStep(String stage, CacheKey key, ImageState state) {
  public RecordedStep {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    stage = stage == null ? "" : stage;
  }
}
