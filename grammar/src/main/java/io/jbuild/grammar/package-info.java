/**
 * The Dockerfile front end: {@link io.jbuild.grammar.DockerfileParser} reads a Dockerfile into a
 * {@link io.jbuild.grammar.Dockerfile} (global ARGs plus {@link io.jbuild.grammar.Stage}s of typed
 * instructions from {@code io.jbuild.grammar.instruction}), rejecting what BuildKit rejects with a
 * {@link io.jbuild.grammar.DockerfileSyntaxException}; {@link io.jbuild.grammar.DockerfilePrinter}
 * writes a model back as Dockerfile text. Pipeline: {@code syntax} (lines, ANTLR, nodes) →
 * {@code instruction} (typed records) → this package (stages).
 */
package io.jbuild.grammar;
