package io.jbuild.builder.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison reports each kind of difference, and nothing when the summaries agree. */
class DifferencesTest {
  private static final String IMAGE = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"layers\":2,\"base_layers\":1,"
      + "\"config\":{\"Env\":[\"A=1\"],\"Cmd\":[\"sh\"]},"
      + "\"history\":[{\"created_by\":\"base\",\"empty_layer\":false},{\"created_by\":\"RUN x\",\"empty_layer\":false}]}";
  private static final String LAYERS = "# layer 1\na\tf\t644\t0\t0\t1\t-\tab\nd\td\t755\t0\t0\t-\t-\t-\n";

  private static JsonNode json(String s) throws Exception {
    return ImageSummary.JSON.readTree(s);
  }

  @Test
  void equalSummariesHaveNoDifference() throws Exception {
    assertEquals(List.of(), Differences.between(json(IMAGE), LAYERS, new ImageSummary(json(IMAGE), LAYERS)));
  }

  @Test
  void configHistoryAndLayerDifferencesAreNamed() throws Exception {
    String image = IMAGE.replace("A=1", "A=2").replace("\"RUN x\",\"empty_layer\":false", "\"RUN x\",\"empty_layer\":true")
        .replace("\"Cmd\":[\"sh\"]", "\"Cmd\":[\"sh\"],\"User\":\"1\"");
    String layers = LAYERS.replace("644", "600");
    assertEquals(List.of(
        "config.Env: BuildKit [\"A=1\"], jbuild [\"A=2\"]",
        "config.User: BuildKit null, jbuild \"1\"",
        "history[1]: BuildKit \"RUN x\", jbuild \"RUN x\" (empty)",
        "layer 1: only BuildKit has a f 644 0 0 1 - ab",
        "layer 1: only jbuild has a f 600 0 0 1 - ab"),
        Differences.between(json(IMAGE), LAYERS, new ImageSummary(json(image), layers)));
  }

  @Test
  void layerCountAndMissingLayersAreNamed() throws Exception {
    String image = IMAGE.replace("\"layers\":2", "\"layers\":1");
    assertEquals(List.of(
        "layers: BuildKit 2, jbuild 1",
        "layer 1: only BuildKit has a f 644 0 0 1 - ab",
        "layer 1: only BuildKit has d d 755 0 0 - - -"),
        Differences.between(json(IMAGE), LAYERS, new ImageSummary(json(image), "")));
  }
}
