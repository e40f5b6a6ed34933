package io.jbuild.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.json.DockerfileJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 387 real-world Dockerfiles: each parses (or, for the few BuildKit rejects, fails with the
 * expected reason), prints back to an equal model, and the stages, bases, instruction keywords and first lines agree with an
 * independent, deliberately naive line scan.
 */
class RealWorldDockerfilesTest {
  /** Files BuildKit rejects (inputs from buildah's test suite), with the reason. */
  private static final Map<String, String> REJECTED = Map.of(
      "containers__buildah/tests__bud__add-chmod__Dockerfile.bad", "Dockerfile:3:1: missing a value on flag: chmod",
      "containers__buildah/tests__bud__copy-from__Dockerfile.bad", "Dockerfile:2:1: missing a value on flag: from",
      "containers__buildah/tests__bud__unrecognized__Dockerfile", "Dockerfile:2:1: unknown instruction: BOGUS",
      "containers__buildah/tests__bud__base-with-arg__Containerfile",
      "Dockerfile:13:1: invalid name for build stage: \"platform-arm/v7\", name can't start with a number or contain symbols",
      "containers__buildah/tests__bud__save-stages__Dockerfile.arg-build-stages-and-chained-build-stages",
      "Dockerfile:5:1: invalid name for build stage: \"${FIRST_STAGE}\", name can't start with a number or contain symbols");

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(Corpus.conformance().resolve("realworld"))) {
      return s.filter(p -> p.getFileName().toString().equals("Dockerfile") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static String id(Path p) {
    return p.getParent().getParent().getFileName() + "/" + p.getParent().getFileName();
  }

  @Test
  void corpusIsComplete() throws IOException {
    assertEquals(387, files().size());
  }

  @TestFactory
  Stream<DynamicTest> everyFileParsesAsBuildKitDoes() throws IOException {
    return files().stream().map(p -> DynamicTest.dynamicTest(id(p), () -> {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      String rejected = REJECTED.get(id(p));
      if (rejected != null) {
        DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class, () -> DockerfileParser.parse("Dockerfile", text));
        assertEquals(rejected, e.getMessage());
        return;
      }
      Dockerfile df = DockerfileParser.parse("Dockerfile", text);
      List<Scanned> scanned = NaiveScan.scan(text);
      List<Instruction> all = new ArrayList<>(df.globalArgs());
      for (Stage s : df.stages()) {
        all.add(s.from());
        all.addAll(s.instructions());
      }
      assertEquals(scanned.size(), all.size(), "instruction count");
      for (int i = 0; i < all.size(); i++) {
        assertEquals(scanned.get(i).keyword(), all.get(i).keyword(), "keyword of instruction " + i);
        assertEquals(scanned.get(i).line(), all.get(i).range().startLine(), "line of instruction " + i);
      }
      List<String> bases = scanned.stream().filter(s -> s.keyword().equals("FROM")).map(Scanned::base).toList();
      assertEquals(bases, df.stages().stream().map(Stage::base).toList(), "stage bases");
      String printed = DockerfilePrinter.print(df);
      assertEquals(DockerfilePrinterProperties.withoutRanges(df),
          DockerfilePrinterProperties.withoutRanges(DockerfileParser.parse("Dockerfile", printed)), printed);
      assertTrue(DockerfileJson.write(df).contains("\"stages\""));
    }));
  }

  @Test
  void everyRejectedFileExists() throws IOException {
    List<String> ids = files().stream().map(RealWorldDockerfilesTest::id).toList();
    assertTrue(ids.containsAll(REJECTED.keySet()));
  }

  record Scanned(String keyword, int line, String base) {}

  /** A simple line scan, independent of the parser: no ANTLR, no JSON, no word rules. */
  static final class NaiveScan {
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)['\"]?([A-Za-z0-9_.]+)['\"]?");

    static List<Scanned> scan(String text) {
      String[] lines = text.split("\n", -1);
      char escape = '\\';
      List<Scanned> out = new ArrayList<>();
      boolean header = true;
      int i = 0;
      while (i < lines.length) {
        String line = lines[i].strip();
        i++;
        if (header && line.matches("(?i)#\\s*escape\\s*=\\s*`\\s*")) {
          escape = '`';
        }
        if (line.isEmpty() || line.startsWith("#")) {
          header = header && line.startsWith("#");
          continue;
        }
        header = false;
        int start = i;
        StringBuilder logical = new StringBuilder();
        String cur = line;
        while (true) {
          String t = cur.stripTrailing();
          boolean cont = t.endsWith(String.valueOf(escape)) && !t.endsWith("" + escape + escape);
          logical.append(cont ? t.substring(0, t.length() - 1) : t).append(' ');
          if (!cont || i >= lines.length) {
            break;
          }
          while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
            i++;
          }
          if (i >= lines.length) {
            break;
          }
          cur = lines[i++];
        }
        String[] words = logical.toString().trim().split("\\s+");
        String keyword = words[0].toUpperCase(Locale.ROOT);
        String base = null;
        if (keyword.equals("FROM")) {
          int w = 1;
          while (words[w].startsWith("--")) {
            w++;
          }
          base = words[w];
        }
        out.add(new Scanned(keyword, start, base));
        boolean heredocKeyword = keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD");
        if (heredocKeyword && !logical.toString().contains("[\"")) {
          Matcher m = HEREDOC.matcher(logical);
          while (m.find()) {
            String end = m.group(2);
            boolean chomp = !m.group(1).isEmpty();
            while (i < lines.length) {
              String body = lines[i++];
              if ((chomp ? body.replaceFirst("^\\t+", "") : body).equals(end)) {
                break;
              }
            }
          }
        }
      }
      return out;
    }
  }
}
