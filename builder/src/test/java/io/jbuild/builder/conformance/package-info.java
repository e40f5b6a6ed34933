/**
 * The BuildKit golden corpus as a test: each folder of {@code testdata/buildkit-cases} holds a small
 * Dockerfile, its context and what the real BuildKit produced for it ({@code expected/}, written by
 * {@code scripts/buildkit-golden}); {@link io.jbuild.builder.conformance.BuildKitGoldenIT} builds the same
 * cases with jbuild and compares the results after the same normalisation
 * ({@link io.jbuild.builder.conformance.LayerListing}, {@link io.jbuild.builder.conformance.ImageSummary}).
 * The formats are written down in {@code testdata/buildkit-cases/README.md}.
 */
package io.jbuild.builder.conformance;
