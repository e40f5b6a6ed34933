package io.jbuild.grammar.instruction;

/**
 * One typed Dockerfile instruction. Java 17 has no pattern-matching switch: dispatch with {@link
 * #accept(InstructionVisitor)}.
 */
public sealed interface Instruction
    permits From, Run, Cmd, Entrypoint, Shell, Env, Label, Maintainer, Expose, Add, Copy, Volume, User, Workdir, Arg, Onbuild, Stopsignal, Healthcheck {

  /** @return where the instruction is written */
  SourceRange range();

  /** @return the canonical upper-case keyword ({@code RUN}) */
  String keyword();

  /**
   * Calls the visitor method for this record's type.
   *
   * @param visitor the visitor
   * @param <R> its result type
   * @return the visitor's result
   */
  <R> R accept(InstructionVisitor<R> visitor);

  /** @return the same instruction at another location (e.g. {@link SourceRange#NONE} to compare values) */
  Instruction withRange(SourceRange range);
}
