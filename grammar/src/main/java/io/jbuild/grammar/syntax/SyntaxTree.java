package io.jbuild.grammar.syntax;

import java.util.List;
import java.util.Objects;

/**
 * A parsed Dockerfile at the syntax level.
 *
 * @param file       the file name as given to the parser, used in messages
 * @param escapeChar the escape character: {@code \} or {@code `} (from the {@code escape} directive)
 * @param directives the parser directives found at the top, in order
 * @param nodes      one node per instruction, in source order
 * @param warnings   non-fatal findings (empty continuation lines), as {@code line N: text}
 */
public record SyntaxTree(String file, char escapeChar, List<Directive> directives, List<Node> nodes, List<String> warnings) {
  /** Copies the lists. */
  public SyntaxTree {
    Objects.requireNonNull(file, "file");
    directives = List.copyOf(directives);
    nodes = List.copyOf(nodes);
    warnings = List.copyOf(warnings);
  }
}
