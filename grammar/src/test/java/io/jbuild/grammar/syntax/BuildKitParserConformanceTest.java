package io.jbuild.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.Corpus;
import io.jbuild.grammar.DockerfileSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own parser golden files: testfiles, testfiles-negative and testfile-line. */
class BuildKitParserConformanceTest {

  private static List<Path> cases(String folder) throws IOException {
    try (Stream<Path> s = Files.list(Corpus.parserCases().resolve(folder))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> positiveCasesDumpExactlyAsBuildKit() throws IOException {
    List<Path> dirs = cases("testfiles");
    assertEquals(33, dirs.size(), "number of testfiles cases");
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      SyntaxTree tree = SyntaxParser.parse("Dockerfile", read(dir.resolve("Dockerfile")));
      assertEquals(read(dir.resolve("result")), BuildKitDump.dump(tree.nodes()));
    }));
  }

  @TestFactory
  Stream<DynamicTest> negativeCasesAreRejected() throws IOException {
    List<Path> dirs = cases("testfiles-negative");
    assertEquals(4, dirs.size(), "number of negative cases");
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class,
          () -> SyntaxParser.parse("Dockerfile", read(dir.resolve("Dockerfile"))));
      assertTrue(e.getMessage().startsWith("Dockerfile:"), e.getMessage());
    }));
  }

  @Test
  void lineNumbersMatchBuildKit() throws Exception {
    SyntaxTree tree = SyntaxParser.parse("Dockerfile", read(Corpus.parserCases().resolve("testfile-line/Dockerfile")));
    assertEquals(3, tree.nodes().size());
    int[][] expected = {{5, 5}, {11, 12}, {17, 31}};
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i][0], tree.nodes().get(i).startLine(), "start of child " + i);
      assertEquals(expected[i][1], tree.nodes().get(i).endLine(), "end of child " + i);
    }
  }

  @Test
  void tooLongLineIsRejected() {
    String ok = "RUN " + "x".repeat(SyntaxParser.MAX_LINE_BYTES - 4) + "\n";
    String bad = "FROM a\nRUN " + "x".repeat(SyntaxParser.MAX_LINE_BYTES - 3) + "\n";
    assertFalse(assertDoesNotThrowParse(ok).nodes().isEmpty());
    DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class, () -> SyntaxParser.parse("Dockerfile", bad));
    assertEquals("Dockerfile:2:1: dockerfile line greater than max allowed size of 65535", e.getMessage());
  }

  private static SyntaxTree assertDoesNotThrowParse(String s) {
    try {
      return SyntaxParser.parse("Dockerfile", s);
    } catch (DockerfileSyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
