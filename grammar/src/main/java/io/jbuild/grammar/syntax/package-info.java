/**
 * The Dockerfile syntax layer, equivalent to BuildKit's {@code frontend/dockerfile/parser}: a
 * hand-written pre-pass ({@link io.jbuild.grammar.syntax.SyntaxParser}) finds parser directives,
 * joins continuation lines and collects heredoc bodies; an ANTLR grammar splits each logical line
 * into keyword, flags and rest; per-instruction argument rules then give one {@link
 * io.jbuild.grammar.syntax.Node} per instruction with its source lines. Entry point: {@link
 * io.jbuild.grammar.syntax.SyntaxParser#parse(String, String)}. ANTLR types stay inside this package.
 */
package io.jbuild.grammar.syntax;
