package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhaseTimerTest {

  @Test
  void closingReportsTheElapsedTimeOnceAndTheSummaryAddsPhasesUp() {
    AtomicLong nanos = new AtomicLong(5_000_000_000L);
    StringWriter sink = new StringWriter();
    RawJsonProgress view = new RawJsonProgress(new PrintWriter(sink), new FakeClock());
    PhaseTimer run = PhaseTimer.start(view, PhaseEvent.Phase.RUN, "build", 2, nanos::get);
    nanos.addAndGet(Duration.ofMillis(250).toNanos());
    run.close();
    run.close();
    PhaseTimer again = PhaseTimer.start(view, PhaseEvent.Phase.RUN, "build", 3, nanos::get);
    nanos.addAndGet(Duration.ofMillis(50).toNanos());
    again.close();
    PhaseTimer.start(view, PhaseEvent.Phase.EXPORT).close();
    BuildSummary s = view.finish();
    assertEquals(Duration.ofMillis(300), s.phases().get(PhaseEvent.Phase.RUN));
    assertEquals(4, sink.toString().lines().count(), "three phase events and the summary");
  }
}
