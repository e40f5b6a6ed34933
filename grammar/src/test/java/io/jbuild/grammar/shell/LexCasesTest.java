package io.jbuild.grammar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.grammar.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs every row of {@code expansion/lex-cases.jsonl} (README section 9) that applies on Linux:
 * the public functions, getEnv, and the optional internal-helper rows (pattern translation,
 * reversal), which check our pattern parser against upstream's.
 */
class LexCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> lexCases() throws IOException {
    List<String> lines = Files.readAllLines(
        Corpus.conformance().resolve("expansion/lex-cases.jsonl"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, Integer> perFunction = new TreeMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(line);
      if (!row.has("fn")) {
        continue; // header
      }
      String id = row.get("id").asText();
      String os = row.get("os").asText();
      if (os.equals("windows")) {
        continue; // Windows rules (case-insensitive names) do not apply: jbuild follows Linux
      }
      String fn = row.get("fn").asText();
      perFunction.merge(fn, 1, Integer::sum);
      tests.add(DynamicTest.dynamicTest(id + " " + fn + " " + row.path("input").asText(),
          executable(fn, row)));
    }
    assertEquals(Map.of("ProcessWord", 234, "ProcessWords", 24, "ProcessWordWithMatches", 50,
        "getEnv", 7, "convertShellPatternToRegex", 7, "reverseString", 2, "reversePattern", 5),
        perFunction);
    return tests.stream();
  }

  private static Executable executable(String fn, JsonNode row) {
    String input = row.get("input").asText();
    boolean error = row.get("error").asBoolean();
    JsonNode expected = row.get("expected");
    switch (fn) {
      case "ProcessWord":
      case "ProcessWords":
      case "ProcessWordWithMatches":
        return () -> {
          assertEquals("\\", row.get("escape").asText());
          ShellLexer lex = new ShellLexer('\\');
          Environment env = Environment.fromList(strings(row.get("env")));
          if (error) {
            ExpansionException e = assertThrows(ExpansionException.class,
                () -> lex.processWordWithMatches(input, env));
            if (row.has("errorContains")) {
              String needle = row.get("errorContains").asText();
              assertTrue(e.getMessage().contains(needle), e.getMessage());
              // the needle must come from the expanded text, not from the raw word
              assertTrue(e.reason().contains(needle), e.reason());
            }
            return;
          }
          if (fn.equals("ProcessWords")) {
            assertEquals(strings(expected), lex.processWords(input, env));
            return;
          }
          Expansion x = lex.processWordWithMatches(input, env);
          assertEquals(expected.asText(), x.result());
          assertEquals(expected.asText(), lex.processWord(input, env));
          if (row.has("matched")) {
            assertEquals(new TreeSet<>(strings(row.get("matched"))), x.matched(), "matched");
          }
          if (row.has("unmatched")) {
            assertEquals(new TreeSet<>(strings(row.get("unmatched"))), x.unmatched(),
                "unmatched");
          }
        };
      case "getEnv":
        return () -> assertEquals(expected.asText(),
            Environment.fromList(strings(row.get("env"))).lookup(input).orElse(""));
      case "convertShellPatternToRegex":
        return () -> {
          boolean greedy = row.get("args").get("greedy").asBoolean();
          boolean anchored = row.get("args").get("anchored").asBoolean();
          if (error) {
            assertThrows(ShellPattern.InvalidPatternException.class,
                () -> ShellPattern.compile(input));
          } else {
            assertEquals(expected.asText(),
                ShellPattern.compile(input).toGoRegex(greedy, anchored));
          }
        };
      case "reverseString":
        return () -> assertEquals(expected.asText(), Reversal.reverse(input));
      case "reversePattern":
        return () -> assertEquals(expected.asText(), Reversal.reversePattern(input));
      default:
        throw new AssertionError("unknown fn " + fn);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
