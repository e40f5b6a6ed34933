package io.jbuild.grammar.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** Test-side converter from our syntax nodes to BuildKit's {@code Node.Dump()} s-expression format. */
final class BuildKitDump {
  private BuildKitDump() {}

  static String dump(List<Node> nodes) {
    StringBuilder b = new StringBuilder();
    for (Node n : nodes) {
      b.append('(').append(node(n)).append(")\n");
    }
    return b.toString();
  }

  static String node(Node n) {
    StringBuilder b = new StringBuilder(n.name());
    if (!n.flags().isEmpty()) {
      b.append(" [").append(n.flags().stream().map(GoQuote::quote).collect(Collectors.joining(" "))).append(']');
    }
    for (String a : n.args()) {
      b.append(' ').append(GoQuote.quote(a));
    }
    if (n.child() != null) {
      b.append(" (").append(node(n.child())).append(')');
    }
    return b.toString();
  }
}
