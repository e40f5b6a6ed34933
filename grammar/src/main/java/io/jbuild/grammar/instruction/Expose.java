package io.jbuild.grammar.instruction;

import java.util.List;
import java.util.Objects;

/**
 * EXPOSE: Declares ports.
 *
 * @param range where it is written
 * @param ports the port words as written ({@code 80/tcp}, {@code ${PORT}})
 */
public record Expose(
    SourceRange range,
    List<String> ports) implements Instruction {

  /** Copies lists and checks required values. */
  public Expose {
    Objects.requireNonNull(range, "range");
    ports = List.copyOf(ports);
  }

  @Override
  public String keyword() {
    return "EXPOSE";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitExpose(this);
  }

  @Override
  public Expose withRange(SourceRange r) {
    return new Expose(r, ports);
  }
}
