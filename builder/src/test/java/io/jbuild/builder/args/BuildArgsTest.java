package io.jbuild.builder.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.builder.BuildException;
import io.jbuild.oci.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildArgsTest {
  @Test
  void parsesValuesAndEnvironmentReferences() throws BuildException {
    BuildArgs a = BuildArgs.parse(List.of("A=1", "B=", "C=x=y", "FROM_ENV", "UNSET"), Map.of("FROM_ENV", "e"));
    assertEquals("1", a.get("A"));
    assertEquals("", a.get("B"));
    assertEquals("x=y", a.get("C"));
    assertEquals("e", a.get("FROM_ENV"));
    assertFalse(a.has("UNSET"));
  }

  @Test
  void rejectsMalformedArgs() {
    BuildException e = assertThrows(BuildException.class, () -> BuildArgs.parse(List.of("=v"), Map.of()));
    assertEquals("invalid --build-arg \"=v\": expected KEY=VALUE or KEY", e.getMessage());
    assertThrows(BuildException.class, () -> BuildArgs.parse(List.of("A B=1"), Map.of()));
  }

  @Test
  void platformArgsFollowBuildKitNames() {
    Map<String, String> m = PlatformArgs.of(Platform.parse("linux/arm64"), Platform.parse("linux/amd64"));
    assertEquals("linux/arm64", m.get("TARGETPLATFORM"));
    assertEquals("arm64", m.get("TARGETARCH"));
    assertEquals("", m.get("TARGETVARIANT"));
    assertEquals("amd64", m.get("BUILDARCH"));
    assertEquals("linux", m.get("BUILDOS"));
  }
}
