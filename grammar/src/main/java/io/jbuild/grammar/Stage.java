package io.jbuild.grammar;

import io.jbuild.grammar.instruction.From;
import io.jbuild.grammar.instruction.Instruction;
import java.util.List;
import java.util.Objects;

/**
 * One build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index        0-based position among the stages (what {@code --from=0} refers to)
 * @param name         the stage name lower-cased as BuildKit does, or null
 * @param from         the FROM instruction
 * @param instructions the instructions after FROM, in order
 */
public record Stage(int index, String name, From from, List<Instruction> instructions) {
  /** Copies the list; the name must be the FROM's stage name. */
  public Stage {
    Objects.requireNonNull(from, "from");
    instructions = List.copyOf(instructions);
    if (!Objects.equals(name, from.stageName())) {
      throw new IllegalArgumentException("stage name " + name + " differs from FROM's " + from.stageName());
    }
  }

  /** @return the FROM image as written (unexpanded) */
  public String base() {
    return from.image();
  }
}
