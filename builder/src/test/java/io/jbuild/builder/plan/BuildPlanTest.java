package io.jbuild.builder.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.grammar.DockerfileParser;
import io.jbuild.oci.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildPlanTest {
  private static BuildPlan plan(String dockerfile, String... args) throws Exception {
    return BuildPlan.of(DockerfileParser.parse("Dockerfile", dockerfile), BuildArgs.parse(List.of(args), Map.of()),
        Platform.parse("linux/arm64"), Platform.parse("linux/amd64"));
  }

  @Test
  void globalArgsExpandFromLinesAndBuildArgsOverrideThem() throws Exception {
    BuildPlan p = plan("ARG BASE=alpine\nARG TAG\nFROM ${BASE}:${TAG:-3}-$TARGETARCH AS a\nFROM a\n", "TAG=9");
    assertEquals("alpine:9-arm64", p.baseName(0));
    assertEquals("a", p.baseName(1));
    assertEquals(List.of(0), p.graph().dependencies(1));
    assertEquals("9", p.metaArgs().get("TAG"));
    assertEquals("amd64", p.metaArgs().get("BUILDARCH"));
    assertNull(plan("ARG UNSET\nFROM scratch\n").metaArgs().get("UNSET"));
  }

  @Test
  void copyFromAndMountFromAreDependencies() throws Exception {
    BuildPlan p = plan("FROM scratch AS x\nFROM scratch AS y\nFROM scratch\nCOPY --from=x /a /a\n"
        + "RUN --mount=type=bind,from=y,target=/m true\n");
    assertEquals(List.of(0, 1, 2), p.graph().needed(2));
    assertEquals(2, p.targetIndex(null));
    assertEquals(1, p.targetIndex("Y"));
  }

  @Test
  void blankBaseAndUnknownTargetAreErrors() throws Exception {
    BuildException blank = assertThrows(BuildException.class, () -> plan("ARG B\nFROM $B\n"));
    assertEquals("Dockerfile:2:1: base name ($B) should not be blank", blank.getMessage());
    assertThrows(BuildException.class, () -> plan("FROM scratch\n").targetIndex("nope"));
  }
}
