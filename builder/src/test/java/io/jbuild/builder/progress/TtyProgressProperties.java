package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the events and however often the view redraws, a terminal that applies its output ends up
 * showing exactly the permanent lines, in order, and never a stale live line; live lines never wrap.
 */
class TtyProgressProperties {

  /** One scripted action: start, log, finish (cached/done/error) a step, or redraw. */
  record Action(int kind, int step, String text) { }

  @Provide
  Arbitrary<List<Action>> scripts() {
    Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\033', 'é').ofMaxLength(120);
    return Arbitraries.integers().between(0, 5).flatMap(kind -> Arbitraries.integers().between(1, 6)
        .flatMap(step -> text.map(t -> new Action(kind, step, t)))).list().ofMaxSize(60);
  }

  @Property
  void cleanedOutputHasNoControlCharacters(@ForAll String raw) {
    String cleaned = TtyProgress.clean(raw);
    assertTrue(cleaned.chars().noneMatch(c -> c < 0x20 || c == 0x7f), cleaned);
  }

  @Property
  void escapeSequencesDisappearWholly(@ForAll("printable") String before, @ForAll("printable") String after,
      @ForAll @IntRange(min = 0, max = 107) int sgr) {
    assertEquals((before + after).stripTrailing(), TtyProgress.clean(before + "\033[" + sgr + ";1m" + after));
    assertEquals((before + after).stripTrailing(), TtyProgress.clean(before + "\033]0;title\007" + after));
  }

  @Provide
  Arbitrary<String> printable() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
  }

  @Property(tries = 200)
  void screenShowsExactlyThePermanentLines(@ForAll("scripts") List<Action> script,
      @ForAll @IntRange(min = 20, max = 120) int width, @ForAll @IntRange(min = 1, max = 8) int height) {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    TtyProgress view = new TtyProgress(new PrintWriter(sink), clock, false, width, height);
    VirtualTerminal term = new VirtualTerminal();
    List<String> expected = new ArrayList<>();
    for (Action a : script) {
      clock.advanceMillis(137);
      String instr = "RUN step" + a.step();
      switch (a.kind()) {
        case 0 -> {
          view.onStep(StepEvent.of("s", a.step(), 6, instr, StepEvent.State.STARTED, Duration.ZERO));
        }
        case 1 -> view.onStep(new StepEvent("s", a.step(), 6, instr, StepEvent.State.LOG, Duration.ZERO, a.text()));
        case 2 -> {
          view.onStep(StepEvent.of("s", a.step(), 6, instr, StepEvent.State.DONE, Duration.ofMillis(1234)));
          expected.add("[s " + a.step() + "/6] " + instr + "  1.2s");
        }
        case 3 -> {
          view.onStep(StepEvent.of("s", a.step(), 6, instr, StepEvent.State.CACHED, Duration.ZERO));
          expected.add("[s " + a.step() + "/6] " + instr + "  CACHED");
        }
        default -> {
          String frame = view.tick();
          term.apply(frame);
          List<String> screen = term.screen();
          int live = screen.size() - expected.size();
          assertTrue(live >= 0 && live <= height, "live area of " + live + " lines");
          assertEquals(expected, screen.subList(0, expected.size()));
          for (String l : screen.subList(expected.size(), screen.size())) {
            assertTrue(l.length() < width, "live line wraps: " + l);
          }
        }
      }
    }
    view.close();
    VirtualTerminal whole = new VirtualTerminal();
    whole.apply(sink.toString());
    assertEquals(expected, whole.screen());
  }
}
