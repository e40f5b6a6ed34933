package io.jbuild.grammar.instruction;

/**
 * One method per instruction type.
 *
 * @param <R> the result type
 */
public interface InstructionVisitor<R> {
  /** @return the result for FROM */
  R visitFrom(From instruction);

  /** @return the result for RUN */
  R visitRun(Run instruction);

  /** @return the result for CMD */
  R visitCmd(Cmd instruction);

  /** @return the result for ENTRYPOINT */
  R visitEntrypoint(Entrypoint instruction);

  /** @return the result for SHELL */
  R visitShell(Shell instruction);

  /** @return the result for ENV */
  R visitEnv(Env instruction);

  /** @return the result for LABEL */
  R visitLabel(Label instruction);

  /** @return the result for MAINTAINER */
  R visitMaintainer(Maintainer instruction);

  /** @return the result for EXPOSE */
  R visitExpose(Expose instruction);

  /** @return the result for ADD */
  R visitAdd(Add instruction);

  /** @return the result for COPY */
  R visitCopy(Copy instruction);

  /** @return the result for VOLUME */
  R visitVolume(Volume instruction);

  /** @return the result for USER */
  R visitUser(User instruction);

  /** @return the result for WORKDIR */
  R visitWorkdir(Workdir instruction);

  /** @return the result for ARG */
  R visitArg(Arg instruction);

  /** @return the result for ONBUILD */
  R visitOnbuild(Onbuild instruction);

  /** @return the result for STOPSIGNAL */
  R visitStopsignal(Stopsignal instruction);

  /** @return the result for HEALTHCHECK */
  R visitHealthcheck(Healthcheck instruction);
}
