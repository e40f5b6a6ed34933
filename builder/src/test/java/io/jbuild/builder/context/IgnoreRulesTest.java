package io.jbuild.builder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter over the grammar module's matcher (whose own vectors live in the grammar module). */
class IgnoreRulesTest {
  @Test
  void lastMatchWinsParentsMatchAndPruningIsSafe() throws Exception {
    IgnoreRules r = IgnoreRules.compile(List.of("*.md", "!README.md", "docs", "!docs/keep/**", "build"));
    assertTrue(r.excluded("a.md"));
    assertFalse(r.excluded("README.md"));
    assertTrue(r.excluded("docs/x/y"));
    assertFalse(r.excluded("docs/keep/y"));
    assertFalse(r.excluded("sub/docs"));
    assertFalse(r.excluded(""), "the root is never excluded");
    assertTrue(r.excluded("build/out"));
    assertTrue(r.mayReinclude("docs"), "docs/keep may be re-included: the walker must descend");
    assertFalse(r.isEmpty());
    assertTrue(IgnoreRules.none().isEmpty());
    assertFalse(IgnoreRules.none().excluded("x"));
  }

  @Test
  void malformedPatternIsAContextException() {
    ContextException e = assertThrows(ContextException.class, () -> IgnoreRules.compile(List.of("a[")));
    assertTrue(e.getMessage().contains("\"a[\""), e.getMessage());
  }

  @Test
  void readAllFollowsIgnorefileRules() throws Exception {
    Path dir = Paths.get(System.getProperty("jbuild.repo", "../"), "testdata", "conformance", "dockerignore");
    String in = Files.readString(dir.resolve("ignorefile-readall.input"), StandardCharsets.UTF_8);
    List<String> expected = Files.readAllLines(dir.resolve("ignorefile-readall.expected"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isEmpty()).toList();
    assertEquals(expected, IgnoreRules.parseFile(in));
  }
}
