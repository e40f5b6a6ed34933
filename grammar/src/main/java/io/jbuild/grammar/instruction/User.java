package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * USER: Sets the user (and group).
 *
 * @param range where it is written
 * @param user the rest of the line, raw
 */
public record User(
    SourceRange range,
    String user) implements Instruction {

  /** Copies lists and checks required values. */
  public User {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(user, "user");
  }

  @Override
  public String keyword() {
    return "USER";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitUser(this);
  }

  @Override
  public User withRange(SourceRange r) {
    return new User(r, user);
  }
}
