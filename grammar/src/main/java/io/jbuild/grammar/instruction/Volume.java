package io.jbuild.grammar.instruction;

import java.util.List;
import java.util.Objects;

/**
 * VOLUME: Declares volumes.
 *
 * @param range where it is written
 * @param paths the paths as written
 */
public record Volume(
    SourceRange range,
    List<String> paths) implements Instruction {

  /** Copies lists and checks required values. */
  public Volume {
    Objects.requireNonNull(range, "range");
    paths = List.copyOf(paths);
  }

  @Override
  public String keyword() {
    return "VOLUME";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitVolume(this);
  }

  @Override
  public Volume withRange(SourceRange r) {
    return new Volume(r, paths);
  }
}
