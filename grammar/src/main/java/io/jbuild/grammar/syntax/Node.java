package io.jbuild.grammar.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One instruction as BuildKit's parser sees it, before any typing or validation (BuildKit's
 * {@code parser.Node}). Values are raw: quotes and escapes inside arguments are kept as written.
 *
 * <p>{@link #args()} follow BuildKit's split per instruction kind: JSON arrays give one element per
 * string; RUN/CMD/ENTRYPOINT/SHELL in shell form give the whole rest of the line as one element;
 * FROM/EXPOSE and non-JSON ADD/COPY/VOLUME give whitespace-separated words; ENV/LABEL give
 * {@code key, value, separator} triples ({@code ""} for the legacy {@code KEY value} form, {@code
 * "="} for {@code k=v}); ARG gives one word per declaration; HEALTHCHECK gives the type word then the
 * CMD-like rest; ONBUILD has no args but a {@link #child()}; unknown keywords have no args.
 *
 * @param keyword   the instruction keyword as written ({@code run}, {@code RUN}, {@code RUNN})
 * @param flags     the {@code --flag[=value]} words as written, quotes removed, without a final {@code --}
 * @param args      the arguments as described above
 * @param child     the wrapped instruction of ONBUILD, else null
 * @param json      true when the arguments came from a JSON array (exec form)
 * @param original  the logical line: continuation lines joined, comments removed, heredoc bodies not included
 * @param startLine 1-based first line
 * @param endLine   1-based last line, heredoc bodies included
 * @param column    1-based column of the keyword on the first line
 * @param heredocs  the heredocs of this instruction in order (ONBUILD: those of its trigger)
 */
public record Node(
    String keyword,
    List<String> flags,
    List<String> args,
    Node child,
    boolean json,
    String original,
    int startLine,
    int endLine,
    int column,
    List<Heredoc> heredocs) {

  /** Copies the lists and checks for nulls. */
  public Node {
    Objects.requireNonNull(keyword, "keyword");
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    Objects.requireNonNull(original, "original");
    heredocs = List.copyOf(heredocs);
  }

  /** @return the keyword lower-cased ({@code run}) */
  public String name() {
    return keyword.toLowerCase(Locale.ROOT);
  }

  /** @return the same node with other heredocs and end line */
  public Node withHeredocs(List<Heredoc> docs, int lastLine) {
    return new Node(keyword, flags, args, child, json, original, startLine, lastLine, column, docs);
  }

  /** @return the same node at other lines (used for ONBUILD triggers, which share their parent's lines) */
  public Node atLines(int first, int last) {
    return new Node(keyword, flags, args, child, json, original, first, last, column, heredocs);
  }
}
