/**
 * Word expansion for Dockerfile instructions, with the semantics of BuildKit's
 * {@code frontend/dockerfile/shell} lexer: {@code $name} and {@code ${name}} references with the
 * {@code -}, {@code +}, {@code ?} (each optionally with {@code :}), {@code #}, {@code ##},
 * {@code %}, {@code %%}, {@code /} and {@code //} operators, single and double quotes, the
 * escape character ({@code \} or the backtick chosen by the {@code # escape=} directive) and
 * word splitting of unquoted expansion results.
 *
 * <p>Entry point: {@link io.jbuild.grammar.shell.ShellLexer}; variables come from an
 * {@link io.jbuild.grammar.shell.Environment}; failures are
 * {@link io.jbuild.grammar.shell.ExpansionException}. Nothing here knows about instructions:
 * deciding which instruction expands which word is the caller's job.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">Dockerfile
 *     reference: environment replacement</a>
 */
package io.jbuild.grammar.shell;
