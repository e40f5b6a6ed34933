/**
 * Machine- and human-readable renderings of a parsed Dockerfile, for {@code jbuild parse}: {@link
 * io.jbuild.grammar.json.DockerfileJson} (one JSON document) and {@link
 * io.jbuild.grammar.json.DockerfileText} (an indented summary).
 */
package io.jbuild.grammar.json;
