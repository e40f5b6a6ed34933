package io.jbuild.builder;

/**
 * Builds images from Dockerfiles. Create one with {@link Builders}. Thread-safe: several builds may
 * run at once on the same store (and several processes on the same {@code $JBUILD_HOME}).
 */
public interface Builder {

  /**
   * Builds the request's target stage, names it with the request's tags in the local store and
   * writes the requested outputs. Throws {@link BuildException} for every user-facing failure
   * (with the Dockerfile location where there is one); the store is never left half-written.
   */
  BuildResult build(BuildRequest request) throws BuildException;
}
