/**
 * The OCI runtime-spec model ({@code config.json}) and the pure function that turns a {@link
 * io.jbuild.runtime.spec.RunRequest} into one with the process security BuildKit applies to a
 * {@code RUN} step (Docker's default capabilities, seccomp profile, masked and read-only paths).
 *
 * <p>Everything here is pure and testable without root.
 *
 * @see <a href="https://github.com/opencontainers/runtime-spec/blob/main/config.md">runtime-spec config</a>
 */
package io.jbuild.runtime.spec;
