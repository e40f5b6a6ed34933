package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.Heredoc;
import java.util.List;
import java.util.Objects;

/**
 * ADD: Adds files, URLs, archives or git repositories.
 *
 * @param range where it is written
 * @param sources the source words as written, heredoc words ({@code <<EOF}) included
 * @param destination the destination as written
 * @param chown {@code --chown}, or null
 * @param chmod {@code --chmod}, or null
 * @param link {@code --link}
 * @param keepGitDir {@code --keep-git-dir}
 * @param checksum {@code --checksum}, or null
 * @param excludes the {@code --exclude} patterns in order
 * @param unpack {@code --unpack}, or null when not given
 * @param heredocs the heredocs of the line
 */
public record Add(
    SourceRange range,
    List<String> sources,
    String destination,
    String chown,
    String chmod,
    boolean link,
    boolean keepGitDir,
    String checksum,
    List<String> excludes,
    Boolean unpack,
    List<Heredoc> heredocs) implements Instruction {

  /** Copies lists and checks required values. */
  public Add {
    Objects.requireNonNull(range, "range");
    sources = List.copyOf(sources);
    Objects.requireNonNull(destination, "destination");
    excludes = List.copyOf(excludes);
    heredocs = List.copyOf(heredocs);
  }

  @Override
  public String keyword() {
    return "ADD";
  }

  @Override
  public <R> R accept(InstructionVisitor<R> visitor) {
    return visitor.visitAdd(this);
  }

  @Override
  public Add withRange(SourceRange r) {
    return new Add(r, sources, destination, chown, chmod, link, keepGitDir, checksum, excludes, unpack, heredocs);
  }
}
