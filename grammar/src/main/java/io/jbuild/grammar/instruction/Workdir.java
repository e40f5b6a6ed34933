package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * WORKDIR: Sets the working directory.
 *
 * @param range where it is written
 * @param path the path, raw
 */
public record Workdir(
    SourceRange range,
    String path) implements Instruction {

  /** Copies lists and checks required values. */
  public Workdir {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String keyword() {
    return "WORKDIR";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitWorkdir(this);
  }

  @Override
  public Workdir withRange(SourceRange r) {
    return new Workdir(r, path);
  }
}
