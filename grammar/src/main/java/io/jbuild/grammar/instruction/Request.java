package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.Heredoc;
import io.jbuild.grammar.syntax.Node;
import java.util.List;

/**
 * What one instruction parser gets: the node's arguments (for ONBUILD: the trigger keyword followed
 * by its arguments, as BuildKit's {@code nodeArgs}), its flags, heredocs and location.
 */
record Request(Node node, List<String> args, Flags flags, SourceRange range) {
  static Request of(Node node, SourceRange range) {
    List<String> args = node.args();
    if (node.child() != null) {
      args = new java.util.ArrayList<>(args);
      args.add(node.child().keyword());
      args.addAll(node.child().args());
      args = List.copyOf(args);
    }
    return new Request(node, args, new Flags(node.flags()), range);
  }

  boolean json() {
    return node.json();
  }

  List<Heredoc> heredocs() {
    return node.heredocs();
  }

  /** @return the request for ONBUILD's trigger, which owns the heredocs of the line */
  Request child() {
    io.jbuild.grammar.syntax.Node c = node.child();
    io.jbuild.grammar.syntax.Node withDocs = new io.jbuild.grammar.syntax.Node(c.keyword(), c.flags(), c.args(), c.child(),
        c.json(), c.original(), c.startLine(), c.endLine(), c.column(), node.heredocs());
    return of(withDocs, range);
  }

  String original() {
    return node.original();
  }
}
