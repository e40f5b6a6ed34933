package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.progress.ProgressModes.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressModesTest {

  @Test
  void theFlagWinsOverTheEnvironmentWhichWinsOverAuto() {
    Map<String, String> env = Map.of("JBUILD_PROGRESS", "rawjson");
    assertEquals(Mode.PLAIN, ProgressModes.resolve("plain", env, true));
    assertEquals(Mode.RAWJSON, ProgressModes.resolve(null, env, true));
    assertEquals(Mode.TTY, ProgressModes.resolve(null, Map.of(), true));
    assertEquals(Mode.QUIET, ProgressModes.resolve("QUIET", Map.of(), false));
    assertEquals(Mode.TTY, ProgressModes.resolve("tty", Map.of(), false), "tty can be forced");
  }

  @Test
  void autoIsPlainWithoutATerminalOrOnADumbOne() {
    assertEquals(Mode.PLAIN, ProgressModes.resolve("auto", Map.of(), false));
    assertEquals(Mode.PLAIN, ProgressModes.resolve(null, Map.of("JBUILD_PROGRESS", ""), false));
    assertEquals(Mode.PLAIN, ProgressModes.resolve(null, Map.of("TERM", "dumb"), true));
  }

  @Test
  void invalidModesNameTheAcceptedValuesAndWhereTheyCameFrom() {
    IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
        () -> ProgressModes.resolve("fancy", Map.of(), true));
    assertEquals("invalid progress mode \"fancy\": expected auto, tty, plain, rawjson or quiet", flag.getMessage());
    IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
        () -> ProgressModes.resolve(null, Map.of("JBUILD_PROGRESS", "json"), true));
    assertTrue(env.getMessage().startsWith("JBUILD_PROGRESS: invalid progress mode \"json\""), env.getMessage());
  }

  @Test
  void onlyTerminalDevicesCountAsTerminals() {
    assertTrue(ProgressModes.isTerminalDevice("/dev/pts/3"));
    assertTrue(ProgressModes.isTerminalDevice("/dev/tty1"));
    assertFalse(ProgressModes.isTerminalDevice("pipe:[81234]"));
    assertFalse(ProgressModes.isTerminalDevice("/tmp/build.log"));
    assertFalse(ProgressModes.isTerminalDevice("/dev/null"));
    assertFalse(ProgressModes.stderrIsTerminal(), "surefire's stderr is a pipe");
  }

  @Test
  void noColorDisablesColoursOnlyWhenNotEmpty() {
    assertTrue(ProgressModes.color(Map.of()));
    assertTrue(ProgressModes.color(Map.of("NO_COLOR", "")));
    assertFalse(ProgressModes.color(Map.of("NO_COLOR", "1")));
  }

  @Test
  void terminalSizeComesFromTheEnvironmentFirst() {
    int[] size = ProgressModes.terminalSize(Map.of("COLUMNS", "132", "LINES", "50"));
    assertEquals(50, size[0]);
    assertEquals(132, size[1]);
  }

  @Test
  void eachModeMakesItsView() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressView quiet = ProgressModes.create(Mode.QUIET, Map.of(), err)) {
      quiet.onStep(StepEvent.of("s", 1, 1, "RUN x", StepEvent.State.DONE, Duration.ofMillis(5)));
      assertEquals(1, quiet.finish().run());
    }
    assertEquals(0, bytes.size(), "quiet prints nothing");
    try (ProgressView plain = ProgressModes.create(Mode.PLAIN, Map.of(), err)) {
      assertInstanceOf(PlainProgressView.class, plain);
    }
    try (ProgressView json = ProgressModes.create(Mode.RAWJSON, Map.of(), err)) {
      assertInstanceOf(RawJsonProgress.class, json);
      json.onMessage("hi");
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\"message\":\"hi\""));
    try (ProgressView tty = ProgressModes.create(Mode.TTY, Map.of("COLUMNS", "100", "LINES", "30"), err)) {
      assertInstanceOf(TtyProgress.class, tty);
    }
  }
}
