/**
 * {@code .dockerignore} files with the semantics of Docker and BuildKit
 * (moby/patternmatcher and its {@code ignorefile} package): reading the file
 * ({@link io.jbuild.grammar.ignore.IgnoreFile}), matching context paths against its patterns
 * ({@link io.jbuild.grammar.ignore.PatternMatcher}) and finding the file that applies
 * ({@link io.jbuild.grammar.ignore.DockerignoreLocator}).
 *
 * <p>The Dockerfile and the {@code .dockerignore} file are read by the builder even when the
 * patterns exclude them: exclusion only removes them from the build context, so that
 * {@code COPY Dockerfile /x} then fails as it does with BuildKit.
 *
 * @see <a href="https://docs.docker.com/build/concepts/context/#dockerignore-files">Docker
 *     documentation: .dockerignore files</a>
 */
package io.jbuild.grammar.ignore;
