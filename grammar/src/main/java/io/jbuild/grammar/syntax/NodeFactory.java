package io.jbuild.grammar.syntax;

import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link Node} from one logical line (BuildKit's {@code newNodeFromLine}): the ANTLR-based
 * {@link LineSplitter} gives keyword, flags and rest, then the rest is split by the rule of the
 * keyword ({@link ArgumentRules}). Unknown keywords get no arguments; they are rejected later, by the
 * instruction layer.
 */
final class NodeFactory {
  private NodeFactory() {}

  static Node fromLine(String line, char escape, int startLine, int endLine, int column) {
    LineSplitter.Parts parts = LineSplitter.split(line);
    String keyword = parts.keyword();
    String rest = parts.rest();
    Node child = null;
    ArgumentRules.Args args;
    switch (keyword.toLowerCase(Locale.ROOT)) {
      case "add", "copy", "volume" -> args = ArgumentRules.maybeJsonList(rest);
      case "arg" -> args = ArgumentRules.words(rest, escape);
      case "cmd", "entrypoint", "run", "shell" -> args = ArgumentRules.maybeJson(rest);
      case "env" -> args = ArgumentRules.nameValue(rest, "ENV", escape);
      case "label" -> args = ArgumentRules.nameValue(rest, "LABEL", escape);
      case "expose", "from" -> args = ArgumentRules.whitespaceWords(rest);
      case "healthcheck" -> args = ArgumentRules.healthcheck(rest);
      case "maintainer", "stopsignal", "user", "workdir" -> args = ArgumentRules.whole(rest);
      case "onbuild" -> {
        args = ArgumentRules.Args.NONE;
        if (!rest.isEmpty()) {
          child = fromLine(rest, escape, startLine, endLine, column);
        }
      }
      default -> args = ArgumentRules.Args.NONE;
    }
    return new Node(keyword, parts.flags(), args.values(), child, args.json(), line, startLine, endLine, column, List.of());
  }

  /** BuildKit's {@code canContainHeredoc}: RUN, COPY, ADD (also wrapped in ONBUILD), not in JSON form. */
  static boolean canContainHeredoc(Node node) {
    Node n = node;
    if (n.name().equals("onbuild") && n.child() != null) {
      n = n.child();
    }
    return switch (n.name()) {
      case "run", "copy", "add" -> !n.json();
      default -> false;
    };
  }
}
