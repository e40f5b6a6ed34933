package io.jbuild.grammar.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every row of the {@code dockerignore/} vectors (testdata/conformance/README.md part 5).
 * All rows apply: {@code unix} rows hold because jbuild follows Unix path rules.
 */
class DockerignoreVectorsTest {

  private static final Path DIR = Corpus.conformance().resolve("dockerignore");

  private static List<String[]> rows(String file, int columns) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      assertTrue(f.length >= columns, file + ": " + line);
      rows.add(f);
    }
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> matchCases() throws IOException {
    List<String[]> rows = rows("match-cases.tsv", 4);
    assertEquals(114, rows.size());
    return rows.stream().map(f -> DynamicTest.dynamicTest(
        f[0] + " vs " + f[1] + " -> " + f[2] + " (" + f[3] + ")", () -> {
          PatternMatcher m = PatternMatcher.compile(List.of(f[0]));
          assertEquals(Boolean.parseBoolean(f[2]), m.matches(f[1]));
        }));
  }

  @TestFactory
  Stream<DynamicTest> exclusionCases() throws IOException {
    List<String[]> rows = rows("exclusions-cases.tsv", 4);
    assertEquals(16, rows.size());
    return rows.stream().map(f -> DynamicTest.dynamicTest(
        "[" + f[0] + "] vs " + f[1] + " -> " + f[2], () -> {
          List<String> patterns = f[0].isEmpty() ? List.of() : Arrays.asList(f[0].split(" \\| "));
          PatternMatcher m = PatternMatcher.compile(patterns);
          assertEquals(Boolean.parseBoolean(f[2]), m.matches(f[1]));
          assertEquals(patterns.stream().anyMatch(p -> p.startsWith("!")), m.hasExclusions());
        }));
  }

  /**
   * Every row must be rejected. Rows upstream rejects at match time ({@code match}) are rejected
   * by jbuild already when the matcher is compiled, which is earlier and just as final.
   */
  @TestFactory
  Stream<DynamicTest> errorCases() throws IOException {
    List<String[]> rows = rows("error-cases.tsv", 4);
    assertEquals(20, rows.size());
    return rows.stream().map(f -> DynamicTest.dynamicTest(
        "[" + f[0] + "] rejected (" + f[2] + ")", () -> {
          List<String> patterns = Arrays.asList(f[0].split(" \\| "));
          IgnorePatternException e = assertThrows(IgnorePatternException.class,
              () -> PatternMatcher.compile(patterns));
          assertTrue(e.getMessage().startsWith("invalid .dockerignore pattern \""),
              e.getMessage());
          assertTrue(patterns.contains(e.pattern()), e.pattern());
        }));
  }

  @Test
  void readAll() throws IOException {
    String input = Files.readString(DIR.resolve("ignorefile-readall.input"),
        StandardCharsets.UTF_8);
    List<String> expected = Files.readAllLines(DIR.resolve("ignorefile-readall.expected"),
        StandardCharsets.UTF_8);
    assertEquals(expected, IgnoreFile.read(input));
    assertEquals(expected, IgnoreFile.read(DIR.resolve("ignorefile-readall.input")));
    // the result contains "!" entries, which the matcher must refuse
    assertThrows(IgnorePatternException.class, () -> PatternMatcher.compile(expected));
  }

  /**
   * The optional {@code compile-cases.tsv}: the match strategy upstream picks for each pattern
   * (exact, prefix, suffix or regexp, our PROGRAM).
   */
  @TestFactory
  Stream<DynamicTest> compileCases() throws IOException {
    List<String[]> rows = rows("compile-cases.tsv", 2);
    assertEquals(21, rows.size());
    return rows.stream().map(f -> DynamicTest.dynamicTest(f[0] + " is " + f[1], () -> {
      CompiledPattern p = PatternCompiler.compile(f[0], GoPath.clean(f[0]), false);
      String expected = f[1].equals("regexp") ? "PROGRAM" : f[1].toUpperCase(java.util.Locale.ROOT);
      assertEquals(expected, p.kind().name());
    }));
  }
}
