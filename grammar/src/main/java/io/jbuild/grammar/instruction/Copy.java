package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.Heredoc;
import java.util.List;
import java.util.Objects;

/**
 * COPY: Copies files from the context, a stage or an image.
 *
 * @param range where it is written
 * @param sources the source words as written, heredoc words ({@code <<EOF}) included
 * @param destination the destination as written
 * @param from {@code --from} (stage name, stage index or image), or null
 * @param chown {@code --chown}, or null
 * @param chmod {@code --chmod}, or null
 * @param link {@code --link}
 * @param parents {@code --parents}
 * @param excludes the {@code --exclude} patterns in order
 * @param heredocs the heredocs of the line
 */
public record Copy(
    SourceRange range,
    List<String> sources,
    String destination,
    String from,
    String chown,
    String chmod,
    boolean link,
    boolean parents,
    List<String> excludes,
    List<Heredoc> heredocs) implements Instruction {

  /** Copies lists and checks required values. */
  public Copy {
    Objects.requireNonNull(range, "range");
    sources = List.copyOf(sources);
    Objects.requireNonNull(destination, "destination");
    excludes = List.copyOf(excludes);
    heredocs = List.copyOf(heredocs);
  }

  @Override
  public String keyword() {
    return "COPY";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitCopy(this);
  }

  @Override
  public Copy withRange(SourceRange r) {
    return new Copy(r, sources, destination, from, chown, chmod, link, parents, excludes, heredocs);
  }
}
