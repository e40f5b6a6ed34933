package io.jbuild.grammar;

import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.syntax.Directive;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated Dockerfile.
 *
 * @param escapeChar the escape character ({@code \} or {@code `}, from the {@code escape} directive)
 * @param directives the parser directives at the top of the file, in order
 * @param globalArgs the ARG instructions before the first FROM (usable in FROM lines)
 * @param stages     the build stages in order; never empty
 */
public record Dockerfile(char escapeChar, List<Directive> directives, List<Arg> globalArgs, List<Stage> stages) {
  /** Copies the lists. */
  public Dockerfile {
    directives = List.copyOf(directives);
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a Dockerfile has at least one stage");
    }
  }

  /**
   * @param name a directive name ({@code syntax}, {@code check}, {@code escape}), case-insensitive
   * @return its value, if present
   */
  public Optional<String> directive(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return directives.stream().filter(d -> d.name().equals(key)).map(d -> d.value()).findFirst();
  }

  /**
   * Finds a stage the way BuildKit resolves {@code --from} and FROM references: by name
   * (case-insensitive) or, for a decimal number, by index.
   *
   * @param reference a stage name or index
   * @return the stage, or empty when the reference is not a stage (then it names an image)
   */
  public Optional<Stage> stage(String reference) {
    Objects.requireNonNull(reference, "reference");
    String lower = reference.toLowerCase(Locale.ROOT);
    for (Stage s : stages) {
      if (lower.equals(s.name())) {
        return Optional.of(s);
      }
    }
    if (!reference.isEmpty() && reference.chars().allMatch(c -> c >= '0' && c <= '9') && reference.length() < 10) {
      int i = Integer.parseInt(reference);
      if (i < stages.size()) {
        return Optional.of(stages.get(i));
      }
    }
    return Optional.empty();
  }

  /** @return the last stage: what is built when no target is given */
  public Stage lastStage() {
    return stages.get(stages.size() - 1);
  }
}
