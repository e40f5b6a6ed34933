/**
 * Typed, immutable Dockerfile instructions, equivalent to BuildKit's {@code
 * frontend/dockerfile/instructions}: one record per instruction (a sealed {@link
 * io.jbuild.grammar.instruction.Instruction} dispatched with an {@link
 * io.jbuild.grammar.instruction.InstructionVisitor}), built from syntax nodes by {@link
 * io.jbuild.grammar.instruction.Instructions#fromNode} with BuildKit's validation (flags, argument
 * counts, stage names). Values stay unexpanded: quotes and {@code $VAR}s are kept as written; the
 * builder expands them later with {@code io.jbuild.grammar.shell}.
 */
package io.jbuild.grammar.instruction;
