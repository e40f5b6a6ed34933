package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.state.ImageState;

/**
 * Resolves {@code --from} references (of {@code COPY --from} and {@code RUN --mount from=}) to the
 * image state they name: an earlier stage (by name or index) or an image. The returned key identifies
 * the content for cache keys (the stage's last key, or the image's manifest digest).
 */
public interface FromSource {

  /** A resolved reference. */
  record Resolved(ImageState state, String key, String description) {}

  /** Resolves {@code ref} as used at {@code location}; an unknown stage or image is an error. */
  Resolved resolve(String ref, String location) throws BuildException;
}
