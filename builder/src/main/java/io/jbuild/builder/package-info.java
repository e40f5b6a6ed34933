/**
 * The builder core: turns a Dockerfile and a build context into an image. {@link io.jbuild.builder.Builder}
 * is the entry point; {@link io.jbuild.builder.BuildRequest} says what to build and
 * {@link io.jbuild.builder.BuildResult} what came out. Sub-packages: {@code store} (the local image
 * store under {@code $JBUILD_HOME}), {@code cache} (content-hash step cache), {@code state} (the
 * immutable image state a step transforms), {@code exec} (instruction dispatch), {@code args} (build
 * arguments), {@code plan} (the stage graph), {@code output} (exporters), {@code progress} (events).
 */
package io.jbuild.builder;
