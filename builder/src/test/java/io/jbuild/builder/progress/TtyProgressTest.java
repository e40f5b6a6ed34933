package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtyProgressTest {
  private final FakeClock clock = new FakeClock();
  private final StringWriter sink = new StringWriter();
  private final VirtualTerminal term = new VirtualTerminal();

  private TtyProgress view(boolean color, int width, int height) {
    return new TtyProgress(new PrintWriter(sink), clock, color, width, height);
  }

  private String tick(TtyProgress v) {
    String frame = v.tick();
    term.apply(frame);
    return frame;
  }

  private static StepEvent step(int i, String text, StepEvent.State state, long ms) {
    return StepEvent.of("build", i, 3, text, state, Duration.ofMillis(ms));
  }

  @Test
  void runningStepShowsATimerThatAdvancesAndIsErasedWhenDone() {
    TtyProgress v = view(false, 80, 10);
    v.onStep(step(2, "RUN make", StepEvent.State.STARTED, 0));
    clock.advanceMillis(1500);
    assertEquals("=> [build 2/3] RUN make  1.5s\n", tick(v));
    clock.advanceMillis(200);
    assertEquals("\033[1A\r\033[J=> [build 2/3] RUN make  1.7s\n", tick(v));
    v.onStep(step(2, "RUN make", StepEvent.State.DONE, 1800));
    assertEquals("\033[1A\r\033[J[build 2/3] RUN make  1.8s\n", tick(v));
    assertEquals("", tick(v), "nothing live, nothing new: nothing written");
    assertEquals(List.of("[build 2/3] RUN make  1.8s"), term.screen());
  }

  @Test
  void cachedStepsArePermanentLinesAboveTheLiveArea() {
    TtyProgress v = view(false, 80, 10);
    v.onStep(step(3, "RUN slow", StepEvent.State.STARTED, 0));
    tick(v);
    v.onStep(step(1, "COPY . /src", StepEvent.State.CACHED, 0));
    clock.advanceMillis(300);
    tick(v);
    assertEquals(List.of("[build 1/3] COPY . /src  CACHED", "=> [build 3/3] RUN slow  0.3s"), term.screen());
  }

  @Test
  void theLastOutputLineOfARunningStepIsShownAndAFailureDumpsTheRecentOnes() {
    TtyProgress v = view(false, 80, 10);
    v.onStep(step(1, "RUN ./test.sh", StepEvent.State.STARTED, 0));
    for (int i = 1; i <= 12; i++) {
      v.onStep(new StepEvent("build", 1, 3, "RUN ./test.sh", StepEvent.State.LOG, Duration.ZERO, "line " + i + "\t\033[1m"));
    }
    tick(v);
    assertEquals(List.of("=> [build 1/3] RUN ./test.sh  0.0s", "   > line 12"), term.screen());
    v.onStep(step(1, "RUN ./test.sh", StepEvent.State.ERROR, 400));
    tick(v);
    List<String> screen = term.screen();
    assertEquals("[build 1/3] RUN ./test.sh  ERROR 0.4s", screen.get(0));
    assertEquals(11, screen.size(), "the error line and the last ten output lines");
    assertEquals("  > line 3", screen.get(1));
    assertEquals("  > line 12", screen.get(10));
  }

  @Test
  void theLiveAreaNeverExceedsItsHeightOrTheTerminalWidth() {
    TtyProgress v = view(false, 40, 3);
    for (int i = 1; i <= 5; i++) {
      v.onStep(step(i, "RUN a very long command line that cannot fit in forty columns " + i,
          StepEvent.State.STARTED, 0));
    }
    String frame = tick(v);
    List<String> lines = List.of(frame.split("\n"));
    assertEquals(3, lines.size());
    assertEquals("   ... and 3 more", lines.get(2));
    for (String l : lines) {
      assertTrue(l.length() < 40, "line fits: " + l);
    }
    assertTrue(lines.get(0).endsWith("...  0.0s"), lines.get(0));
  }

  @Test
  void transfersDrawAByteBarAndEndAsAPermanentLine() {
    TtyProgress v = view(false, 80, 10);
    String id = "sha256:" + "ab".repeat(32);
    v.onTransfer(new TransferEvent(TransferEvent.Kind.PULL, id, "sha256:abababababab", TransferEvent.Status.STARTED, 0, 4_000_000));
    v.onTransfer(new TransferEvent(TransferEvent.Kind.PULL, id, "sha256:abababababab", TransferEvent.Status.PROGRESS, 2_000_000, 4_000_000));
    assertEquals("pull sha256:abababababab  [==========>         ] 2.0 MB / 4.0 MB\n", tick(v));
    clock.advanceMillis(1200);
    v.onTransfer(new TransferEvent(TransferEvent.Kind.PULL, id, "sha256:abababababab", TransferEvent.Status.DONE, 4_000_000, 4_000_000));
    v.onTransfer(new TransferEvent(TransferEvent.Kind.PUSH, "x", "sha256:cdcdcdcdcdcd", TransferEvent.Status.SKIPPED, 0, 10));
    tick(v);
    assertEquals(List.of("pull sha256:abababababab  4.0 MB  1.2s", "push sha256:cdcdcdcdcdcd  exists"), term.screen());
  }

  @Test
  void coloursOnlyWhenEnabled() {
    TtyProgress plain = view(false, 80, 10);
    plain.onStep(step(1, "COPY a b", StepEvent.State.CACHED, 0));
    plain.onStep(step(2, "RUN x", StepEvent.State.DONE, 100));
    assertFalse(tick(plain).contains("\033["), "NO_COLOR output has no escape at all when nothing is live");

    TtyProgress coloured = new TtyProgress(new PrintWriter(new StringWriter()), clock, true, 80, 10);
    coloured.onStep(step(1, "COPY a b", StepEvent.State.CACHED, 0));
    String frame = coloured.tick();
    assertTrue(frame.contains(TtyProgress.CYAN + "CACHED" + TtyProgress.RESET), frame);
  }

  @Test
  void finishPrintsTheSummaryAndCloseLeavesNoLiveLines() {
    TtyProgress v = view(false, 80, 10);
    v.onStep(step(1, "COPY a b", StepEvent.State.CACHED, 0));
    v.onStep(step(2, "RUN x", StepEvent.State.STARTED, 0));
    tick(v);
    clock.advanceMillis(2500);
    v.onStep(step(2, "RUN x", StepEvent.State.DONE, 2500));
    v.onStep(step(3, "RUN stuck", StepEvent.State.STARTED, 0));
    tick(v);
    v.onTransfer(new TransferEvent(TransferEvent.Kind.PUSH, "b", "b", TransferEvent.Status.DONE, 4_100_000, 4_100_000));
    clock.advanceMillis(500);
    BuildSummary s = v.finish();
    v.close();
    VirtualTerminal whole = new VirtualTerminal();
    whole.apply(sink.toString());
    assertEquals(List.of("[build 1/3] COPY a b  CACHED", "[build 2/3] RUN x  2.5s", "push b  4.1 MB  0.0s",
        "total 3.0s, 2 steps (1 cached, 1 run), pushed 4.1 MB"), whole.screen());
    assertEquals(4_100_000, s.bytesPushed());
    v.close();
  }

  @Test
  void theRedrawThreadDrawsWithoutTicksFromTheCaller() throws Exception {
    StringWriter out = new StringWriter();
    TtyProgress v = TtyProgress.start(new PrintWriter(out), false, 80, 5);
    try {
      v.onStep(step(1, "RUN sleep 1", StepEvent.State.STARTED, 0));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!out.toString().contains("RUN sleep 1") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(out.toString().contains("=> [build 1/3] RUN sleep 1"), out.toString());
    } finally {
      v.close();
    }
    VirtualTerminal t = new VirtualTerminal();
    t.apply(out.toString());
    assertEquals(List.of(), t.screen(), "close erased the live area");
  }
}
