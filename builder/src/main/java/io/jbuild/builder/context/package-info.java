/**
 * The build context: a directory read through its {@code .dockerignore}, confined walks and
 * path resolution that never leave a root, and the content digest of selected sources that
 * COPY/ADD cache keys are built from.
 *
 * <p>Entry points: {@link io.jbuild.builder.context.BuildContext#open} for the context
 * directory, {@link io.jbuild.builder.context.SourceTree#ofDirectory} for another stage's root
 * file system ({@code COPY --from}), {@link io.jbuild.builder.context.ScopedPath} for
 * symlink resolution scoped to a root (like BuildKit's {@code fs.RootPath}), and
 * {@link io.jbuild.builder.context.StatCache} for a persistent content-hash cache,
 * {@link io.jbuild.builder.context.SourceDigest} for the documented digest format.
 * {@code .dockerignore} matching is {@link io.jbuild.grammar.ignore.PatternMatcher}, behind
 * {@link io.jbuild.builder.context.IgnoreRules}; source wildcards use
 * {@link io.jbuild.builder.context.GoGlob} (Go's {@code filepath.Match}).
 */
package io.jbuild.builder.context;
