package io.jbuild.grammar.instruction;

import java.util.List;
import java.util.Objects;

/**
 * LABEL: Adds image labels.
 *
 * @param range where it is written
 * @param pairs the pairs in order, raw
 */
public record Label(
    SourceRange range,
    List<KeyValue> pairs) implements Instruction {

  /** Copies lists and checks required values. */
  public Label {
    Objects.requireNonNull(range, "range");
    pairs = List.copyOf(pairs);
  }

  @Override
  public String keyword() {
    return "LABEL";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitLabel(this);
  }

  @Override
  public Label withRange(SourceRange r) {
    return new Label(r, pairs);
  }
}
