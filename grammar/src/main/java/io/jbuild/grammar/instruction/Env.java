package io.jbuild.grammar.instruction;

import java.util.List;
import java.util.Objects;

/**
 * ENV: Sets environment variables.
 *
 * @param range where it is written
 * @param pairs the pairs in order, raw
 */
public record Env(
    SourceRange range,
    List<KeyValue> pairs) implements Instruction {

  /** Copies lists and checks required values. */
  public Env {
    Objects.requireNonNull(range, "range");
    pairs = List.copyOf(pairs);
  }

  @Override
  public String keyword() {
    return "ENV";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitEnv(this);
  }

  @Override
  public Env withRange(SourceRange r) {
    return new Env(r, pairs);
  }
}
