package io.jbuild.runtime.spec;

/** One {@code process.rlimits} entry, e.g. {@code RLIMIT_NOFILE}. */
public record SpecRlimit(String type, long hard, long soft) {}
