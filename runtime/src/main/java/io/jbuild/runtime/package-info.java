/**
 * Runs one {@code RUN} step in an isolated container: {@link io.jbuild.runtime.StepExecutor} ties
 * together a snapshot of the previous layers ({@link io.jbuild.runtime.snapshot}), the runtime spec
 * ({@link io.jbuild.runtime.spec}) and an OCI runtime such as runc ({@link io.jbuild.runtime.oci}),
 * and returns the exit code and the filesystem diff the builder turns into a layer.
 */
package io.jbuild.runtime;
