/**
 * The picocli command line: a thin shell over the builder library. {@code jbuild [build] ...} builds;
 * {@code parse}, {@code images}, {@code rmi}, {@code prune}, {@code pull}, {@code push},
 * {@code inspect} and {@code version} are subcommands. Exit codes are in {@link io.jbuild.cli.ExitCodes}.
 */
package io.jbuild.cli;
