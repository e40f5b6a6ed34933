package io.jbuild.builder.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java normaliser gives, on the same inputs, exactly what the Python one of
 * {@code scripts/buildkit-golden} wrote ({@code testdata/buildkit-cases/_normaliser}): a tar with every
 * entry kind, and a sequence of layer listings for the unchanged-directory rule.
 */
class NormaliserAgreementTest {
  private static final Path DIR = Path.of(System.getProperty("jbuild.repo", ".."))
      .resolve("testdata/buildkit-cases/_normaliser");

  @Test
  void tarListingMatchesPython() throws IOException {
    List<String> lines;
    try (InputStream in = Files.newInputStream(DIR.resolve("sample.tar"))) {
      lines = LayerListing.of(in);
    }
    assertEquals(Files.readString(DIR.resolve("sample.expected.txt"), StandardCharsets.UTF_8),
        String.join("\n", lines) + "\n");
  }

  @Test
  void unchangedDirectoryRuleMatchesPython() throws IOException {
    List<String> headers = new ArrayList<>();
    List<List<String>> layers = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("state-input.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("# ")) {
        headers.add(line);
        layers.add(new ArrayList<>());
      } else if (!line.isEmpty()) {
        layers.get(layers.size() - 1).add(line);
      }
    }
    RootfsState state = new RootfsState();
    StringBuilder got = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      got.append(headers.get(i)).append('\n');
      state.dropUnchangedDirs(layers.get(i)).forEach(l -> got.append(l).append('\n'));
      state.apply(layers.get(i));
    }
    assertEquals(Files.readString(DIR.resolve("state-expected.txt"), StandardCharsets.UTF_8), got.toString());
  }

  @Test
  void pathsAreNormalisedLikePython() {
    assertEquals(".", LayerListing.normPath("./"));
    assertEquals(".", LayerListing.normPath("/"));
    assertEquals("a/b", LayerListing.normPath("./a/b/"));
    assertEquals("a", LayerListing.normPath("/a"));
  }
}
