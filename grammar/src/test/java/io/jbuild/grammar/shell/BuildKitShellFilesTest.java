package io.jbuild.grammar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs BuildKit's {@code shell/envVarTest} and {@code shell/wordsTest} line by line, read with
 * upstream's rules (see testdata/conformance/README.md sections 3 and 4). Linux rules: the
 * {@code W} (Windows, case-insensitive names) lines of envVarTest are skipped by marker.
 */
class BuildKitShellFilesTest {

  private static final Path SHELL =
      Corpus.conformance().resolve("buildkit/frontend/dockerfile/shell");
  private static final ShellLexer LEX = new ShellLexer('\\');

  @TestFactory
  Stream<DynamicTest> envVarTest() throws IOException {
    Environment env = Environment.fromList(
        List.of("PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="));
    List<String> lines = Files.readAllLines(SHELL.resolve("envVarTest"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    int windowsOnly = 0;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.startsWith("#") || raw.strip().isEmpty()) {
        continue;
      }
      String[] f = raw.strip().split("\\|", -1);
      assertEquals(3, f.length, "envVarTest:" + (i + 1));
      String os = f[0].strip();
      String input = f[1].strip();
      String expected = f[2].strip();
      if (os.equals("W")) {
        windowsOnly++;
        continue; // Windows-only: case-insensitive variable names
      }
      assertTrue(os.equals("A") || os.equals("U"), "marker " + os);
      tests.add(DynamicTest.dynamicTest("envVarTest:" + (i + 1) + " " + input, () -> {
        if (expected.equals("error")) {
          assertThrows(ExpansionException.class, () -> LEX.processWord(input, env));
        } else {
          assertEquals(expected, LEX.processWord(input, env));
        }
      }));
    }
    assertEquals(228, tests.size(), "A + U vectors");
    assertEquals(2, windowsOnly);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> wordsTest() throws IOException {
    List<String> lines = Files.readAllLines(SHELL.resolve("wordsTest"), StandardCharsets.UTF_8);
    List<String> env = new ArrayList<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.startsWith("#")) {
        continue;
      }
      if (raw.startsWith("ENV ")) {
        env.add(raw.substring(3).replaceFirst("^ +", ""));
        continue;
      }
      String[] f = raw.split("\\|", -1);
      assertEquals(2, f.length, "wordsTest:" + (i + 1));
      String input = f[0].strip();
      List<String> expected = List.of(f[1].replaceFirst("^ +", "").split(",", -1));
      Environment snapshot = Environment.fromList(List.copyOf(env));
      tests.add(DynamicTest.dynamicTest("wordsTest:" + (i + 1) + " " + input, () -> {
        if (expected.equals(List.of("error"))) {
          assertThrows(ExpansionException.class, () -> LEX.processWords(input, snapshot));
        } else {
          assertEquals(expected, LEX.processWords(input, snapshot));
        }
      }));
    }
    assertEquals(24, tests.size());
    return tests.stream();
  }
}
