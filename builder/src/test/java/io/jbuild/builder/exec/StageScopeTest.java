package io.jbuild.builder.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.args.BuildArgs;
import io.jbuild.oci.ContainerConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageScopeTest {
  private static StageScope scope(Map<String, String> meta, Map<String, String> buildArgs, String... env) {
    return new StageScope(ContainerConfig.EMPTY.withEnv(List.of(env)), meta, new BuildArgs(buildArgs));
  }

  @Test
  void buildArgBeatsDefaultWhichBeatsGlobal() {
    StageScope s = scope(Map.of("A", "global"), Map.of("B", "cli"));
    assertEquals("global", s.arg("A", null));
    assertEquals("cli", s.arg("B", "default"));
    assertEquals("default", s.arg("C", "default"));
    assertEquals(null, s.arg("D", null));
    assertFalse(s.vars().containsKey("D"));
  }

  @Test
  void envAlwaysWinsOverArg() {
    StageScope s = scope(Map.of(), Map.of(), "X=from-image");
    s.arg("X", "from-arg");
    assertEquals("from-image", s.vars().get("X"));
    s.env("Y", "env");
    s.arg("Y", "arg");
    assertEquals("env", s.vars().get("Y"));
  }

  @Test
  void runHistoryPrefixListsDeclaredArgsWithVisibleValues() {
    StageScope s = scope(Map.of(), Map.of("B", "2"));
    assertEquals("", s.runHistoryPrefix());
    s.arg("A", "1");
    s.arg("B", null);
    assertEquals("|2 A=1 B=2 ", s.runHistoryPrefix());
  }

  @Test
  void proxyArgsReachRunButAreNotVariables() {
    Map<String, String> args = new HashMap<>();
    args.put("HTTP_PROXY", "http://proxy:3128");
    StageScope s = scope(Map.of(), args);
    assertTrue(s.runEnv().contains("HTTP_PROXY=http://proxy:3128"));
    assertTrue(s.runEnv().contains("http_proxy=http://proxy:3128"), "both spellings, as BuildKit");
    assertFalse(s.vars().containsKey("HTTP_PROXY"));
    assertEquals("", s.runHistoryPrefix());
  }
}
