package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * FROM: Starts a build stage: {@code FROM [--platform=p] image [AS name]}.
 *
 * @param range where it is written
 * @param image the base image reference as written (unexpanded), or a previous stage's name
 * @param stageName the stage name lower-cased as BuildKit does, or null
 * @param platform the raw {@code --platform} value, or null
 */
public record From(
    SourceRange range,
    String image,
    String stageName,
    String platform) implements Instruction {

  /** Copies lists and checks required values. */
  public From {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(image, "image");
  }

  @Override
  public String keyword() {
    return "FROM";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitFrom(this);
  }

  @Override
  public From withRange(SourceRange r) {
    return new From(r, image, stageName, platform);
  }
}
