/**
 * Executing a stage: {@link io.jbuild.builder.exec.InstructionDispatcher} expands each instruction
 * and hands it to {@link io.jbuild.builder.exec.StageExecutor}, which turns the current image state
 * into the next one: config-only instructions through {@link io.jbuild.builder.exec.ConfigOps} (with
 * BuildKit's history text), WORKDIR/COPY/ADD/RUN through the step cache and, on a miss, a new layer
 * ({@link io.jbuild.builder.exec.LayerMaker}). RUN goes to the runtime module's step executor over
 * the extracted layers; {@link io.jbuild.builder.exec.RunMounts} resolves {@code RUN --mount}.
 */
package io.jbuild.builder.exec;
