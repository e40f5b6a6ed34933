package io.jbuild.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.DockerfileSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Details of the syntax layer not covered by BuildKit's golden files. */
class SyntaxParserTest {
  private static Node only(String text) throws DockerfileSyntaxException {
    List<Node> nodes = SyntaxParser.parse("Dockerfile", text).nodes();
    assertEquals(1, nodes.size());
    return nodes.get(0);
  }

  @Test
  void jsonEdgeCases() throws Exception {
    assertEquals(List.of("[1e999]"), only("CMD [1e999]").args(), "out of float64 range: not JSON for Go");
    assertFalse(only("CMD [1e999]").json());
    assertEquals(List.of("[\"a\"] x"), only("CMD [\"a\"] x").args(), "trailing text: shell form");
    assertEquals(List.of("\uFFFD", "\ud83d\ude00"), only("CMD [\"\\ud800\", \"\\ud83d\\ude00\"]").args());
    assertEquals(List.of("[\"a\",]"), only("CMD [\"a\",]").args(), "trailing comma is not JSON");
    assertTrue(only("CMD  [ ]").json());
    assertEquals(List.of(), only("CMD  [ ]").args());
    DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class, () -> only("RUN [\"a\", {\"b\": 1}]"));
    assertTrue(e.getMessage().endsWith("arrays must be comprised of strings only"), e.getMessage());
  }

  @Test
  void flagsAreUnquotedAndStopAtDoubleDash() throws Exception {
    Node n = only("COPY --chown=\"a b\" --x='c\\'d' --\"\" --from=x a b");
    assertEquals(List.of("--chown=a b", "--x=c'd"), n.flags());
    assertEquals(List.of("--from=x", "a", "b"), n.args());
    Node unterminated = only("RUN --mount=\"type=bind x y");
    assertEquals(List.of("--mount=type=bind x y"), unterminated.flags());
    assertEquals(List.of(), unterminated.args());
  }

  @Test
  void columnsDirectivesAndWarnings() throws Exception {
    SyntaxTree tree = SyntaxParser.parse("Dockerfile", "# Syntax = x/y:1\n#check=skip=all\n# escape=`\n  FROM a\nRUN a `\n\n  b\n");
    assertEquals(List.of(new Directive("syntax", "x/y:1", 1), new Directive("check", "skip=all", 2),
        new Directive("escape", "`", 3)), tree.directives());
    assertEquals('`', tree.escapeChar());
    Node from = tree.nodes().get(0);
    assertEquals(3, from.column());
    Node run = tree.nodes().get(1);
    assertEquals(List.of("a   b"), run.args());
    assertEquals(5, run.startLine());
    assertEquals(7, run.endLine());
    assertEquals(1, tree.warnings().size());
    assertTrue(tree.warnings().get(0).startsWith("line 5: empty continuation line"), tree.warnings().get(0));
  }

  @Test
  void directiveAfterInstructionIsAComment() throws Exception {
    SyntaxTree tree = SyntaxParser.parse("Dockerfile", "FROM a\n# escape=`\nRUN a `\n");
    assertEquals(List.of(), tree.directives());
    assertEquals(List.of("a `"), tree.nodes().get(1).args());
  }

  @Test
  void deepNestingNeverCrashes() throws Exception {
    String deepValid = "CMD [" + "[".repeat(5000) + "]".repeat(5000) + "]";
    DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class, () -> only(deepValid));
    assertTrue(e.getMessage().endsWith("arrays must be comprised of strings only"));
    String tooDeep = "CMD " + "[".repeat(10_001) + "]".repeat(10_001);
    assertFalse(only(tooDeep).json(), "Go's decoder stops at depth 10000: shell form");
    String deepVariable = "RUN <<EOF " + "${a:-".repeat(10_000) + "}".repeat(10_000) + "\nEOF\n";
    SyntaxParser.parse("Dockerfile", deepVariable);
  }
}
