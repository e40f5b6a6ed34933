package io.jbuild.builder.exec;

import io.jbuild.builder.state.ImageState;

/**
 * A finished stage: its image state and the cache key of its last step (or its base's identity),
 * which {@code COPY --from} steps of later stages put into their own keys.
 */
public record StageResult(int index, String name, ImageState state, String key) {}
