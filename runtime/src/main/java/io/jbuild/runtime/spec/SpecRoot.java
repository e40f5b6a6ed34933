package io.jbuild.runtime.spec;

/** The {@code root} object: the rootfs path (absolute or relative to the bundle). */
public record SpecRoot(String path, boolean readonly) {}
