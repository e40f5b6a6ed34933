package io.jbuild.builder.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageGraphTest {
  private final StageGraph graph = StageGraph.of(List.of(
      new StageNode(0, "base", List.of("alpine")),
      new StageNode(1, "tools", List.of("alpine")),
      new StageNode(2, "build", List.of("base", "tools")),
      new StageNode(3, "unused", List.of("scratch")),
      new StageNode(4, null, List.of("BASE", "2"))));

  @Test
  void targetNeedsOnlyItsDependencies() {
    assertEquals(List.of(0, 1, 2, 4), graph.needed(4));
    assertEquals(List.of(0), graph.needed(0));
    assertEquals(List.of(3), graph.needed(3));
  }

  @Test
  void referencesResolveToEarlierStagesByNameOrIndexOnly() {
    assertEquals(0, graph.resolve("Base", 4));
    assertEquals(2, graph.resolve("2", 4));
    assertEquals(-1, graph.resolve("build", 1));
    assertEquals(-1, graph.resolve("4", 4));
    assertEquals(-1, graph.resolve("alpine", 4));
  }

  @Test
  void findsTargetsByNameOrIndex() {
    assertEquals(2, graph.find("BUILD"));
    assertEquals(4, graph.find("4"));
    assertEquals(-1, graph.find("nope"));
  }
}
