package io.jbuild.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.grammar.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every vector of {@code heredoc/heredoc-cases.json}. */
class HeredocConformanceTest {
  private static Path dir;
  private static JsonNode cases;

  @BeforeAll
  static void load() throws Exception {
    dir = Corpus.conformance().resolve("heredoc");
    cases = new ObjectMapper().readTree(dir.resolve("heredoc-cases.json").toFile());
  }

  private static SyntaxTree parse(String name) throws Exception {
    return SyntaxParser.parse(name, new String(Files.readAllBytes(dir.resolve(name)), StandardCharsets.UTF_8));
  }

  @Test
  void extractsHeredocs() throws Exception {
    JsonNode c = cases.get("parseExtractsHeredoc");
    SyntaxTree tree = parse(c.get("dockerfile").asText());
    int checked = 0;
    for (JsonNode child : c.get("children")) {
      Node node = tree.nodes().get(child.get("child").asInt());
      assertTrue(node.original().startsWith(child.get("firstLine").asText()), node.original());
      JsonNode expected = child.get("heredocs");
      if (expected.isNull()) {
        assertEquals(List.of(), node.heredocs(), child.get("firstLine").asText());
      } else {
        List<Heredoc> want = new ArrayList<>();
        for (JsonNode h : expected) {
          want.add(new Heredoc(h.get("name").asText(), h.get("fileDescriptor").asLong(), h.get("expand").asBoolean(),
              h.get("chomp").asBoolean(), h.get("content").asText()));
        }
        assertEquals(want, node.heredocs(), child.get("firstLine").asText());
      }
      checked++;
    }
    assertEquals(27, checked);
  }

  @Test
  void jsonFormHasNoHeredocs() throws Exception {
    JsonNode c = cases.get("parseJsonHeredoc");
    SyntaxTree tree = parse(c.get("dockerfile").asText());
    for (JsonNode i : c.get("childrenWithoutHeredocs")) {
      Node node = tree.nodes().get(i.asInt());
      assertTrue(node.json());
      assertEquals(List.of(), node.heredocs());
    }
  }

  @Test
  void heredocWords() {
    JsonNode c = cases.get("parseHeredocWord");
    for (JsonNode w : c.get("valid")) {
      Heredoc h = HeredocParser.parseWord(w.asText());
      assertNotNull(h, w.asText());
      assertEquals("EOF", h.name(), w.asText());
    }
    for (JsonNode w : c.get("invalid")) {
      assertThrows(LineError.class, () -> HeredocParser.parseWord(w.asText()), w.asText());
    }
    for (JsonNode w : c.get("notHeredoc")) {
      assertNull(HeredocParser.parseWord(w.asText()), w.asText());
    }
  }

  @Test
  void heredocsFromLine() {
    for (JsonNode c : cases.get("heredocsFromLine").get("cases")) {
      String line = c.get("line").asText();
      List<String> names = HeredocParser.fromLine(line).stream().map(Heredoc::name).toList();
      if (c.get("names").isNull()) {
        assertEquals(List.of(), names, line);
      } else if (c.has("countNotEnforced")) {
        assertEquals(List.of(), names, line + " (source reading: no heredoc at line level)");
      } else {
        List<String> want = new ArrayList<>();
        c.get("names").forEach(n -> want.add(n.asText()));
        assertEquals(want, names, line);
      }
    }
  }

  @Test
  void chomp() {
    for (JsonNode c : cases.get("chompHeredocContent")) {
      assertEquals(c.get("out").asText(), Heredoc.chompContent(c.get("in").asText()));
    }
  }
}
