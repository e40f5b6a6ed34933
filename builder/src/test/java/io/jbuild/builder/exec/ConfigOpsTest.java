package io.jbuild.builder.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbuild.builder.BuildException;
import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.HealthConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOpsTest {
  private static final ContainerConfig EMPTY = ContainerConfig.EMPTY;

  @Test
  void shellFormIsWrappedInTheStageShell() {
    assertEquals(List.of("/bin/sh", "-c", "echo hi"), ConfigOps.withShell(EMPTY, "echo hi"));
    ContainerConfig bash = EMPTY.withShell(List.of("/bin/bash", "-eu", "-c"));
    assertEquals(List.of("/bin/bash", "-eu", "-c", "x"), ConfigOps.withShell(bash, "x"));
  }

  @Test
  void cmdHistoryUsesGoQuotingAndSetsArgsEscaped() {
    ConfigOps.Change c = ConfigOps.cmd(EMPTY, List.of("echo", "a \"b\""));
    assertEquals("CMD [\"echo\" \"a \\\"b\\\"\"]", c.createdBy());
    assertEquals(true, c.config().argsEscaped());
  }

  @Test
  void entrypointResetsCmdOnlyWhenCmdWasNotSetInTheStage() {
    ContainerConfig base = EMPTY.withCmd(List.of("base-cmd"));
    assertEquals(List.of(), ConfigOps.entrypoint(base, List.of("ep"), false).config().cmd());
    assertEquals(List.of("base-cmd"), ConfigOps.entrypoint(base, List.of("ep"), true).config().cmd());
  }

  @Test
  void exposeNormalisesProtocolsAndRanges() throws BuildException {
    ConfigOps.Change c = ConfigOps.expose(EMPTY, List.of("80", "53/UDP", "8000-8001"));
    assertEquals(List.of("53/udp", "80/tcp", "8000/tcp", "8001/tcp"), List.copyOf(c.config().exposedPorts()));
    assertEquals("EXPOSE map[53/udp:{} 80/tcp:{} 8000/tcp:{} 8001/tcp:{}]", c.createdBy());
    assertThrows(BuildException.class, () -> ConfigOps.expose(EMPTY, List.of("http")));
  }

  @Test
  void envReplacesInPlaceAndRecordsAllPairs() {
    ContainerConfig base = EMPTY.withEnv(List.of("A=1", "B=2"));
    ConfigOps.Change c = ConfigOps.env(base, List.of(Map.entry("A", "x"), Map.entry("C", "3")));
    assertEquals(List.of("A=x", "B=2", "C=3"), c.config().env());
    assertEquals("ENV A=x C=3", c.createdBy());
  }

  @Test
  void healthcheckHistoryMatchesGoFormatting() {
    HealthConfig h = new HealthConfig(List.of("CMD-SHELL", "curl -f x"), Duration.ofSeconds(30),
        Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, 3);
    assertEquals("HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f x\"] \"30s\" \"5s\" \"0s\" \"0s\" '\\x03'}",
        ConfigOps.healthcheck(EMPTY, h).createdBy());
  }

  @Test
  void stopSignalAcceptsNamesAndNumbersOnly() throws BuildException {
    assertEquals("SIGTERM", ConfigOps.stopSignal(EMPTY, "SIGTERM").config().stopSignal());
    assertEquals("9", ConfigOps.stopSignal(EMPTY, "9").config().stopSignal());
    assertThrows(BuildException.class, () -> ConfigOps.stopSignal(EMPTY, "SIGNOPE"));
  }

  @Test
  void volumeAndShellHistoryUseGoListFormatting() throws BuildException {
    assertEquals("VOLUME [/a /b]", ConfigOps.volume(EMPTY, List.of("/a", "/b")).createdBy());
    assertEquals("SHELL [/bin/bash -c]", ConfigOps.shell(EMPTY, List.of("/bin/bash", "-c")).createdBy());
    assertThrows(BuildException.class, () -> ConfigOps.volume(EMPTY, List.of("")));
  }

  @Test
  void defaultPathIsAddedOnlyWhenMissing() {
    assertEquals(List.of("PATH=" + ConfigOps.DEFAULT_PATH), ConfigOps.withDefaultPath(EMPTY).env());
    ContainerConfig own = EMPTY.withEnv(List.of("PATH=/x"));
    assertEquals(List.of("PATH=/x"), ConfigOps.withDefaultPath(own).env());
  }
}
