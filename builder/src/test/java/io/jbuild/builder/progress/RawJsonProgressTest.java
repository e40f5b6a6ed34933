package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawJsonProgressTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> parse(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void everyEventIsOneJsonLineWithTheDocumentedFields() throws Exception {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    RawJsonProgress p = new RawJsonProgress(new PrintWriter(sink), clock);
    PhaseEvent.of(PhaseEvent.Phase.PARSE, Duration.ofMillis(12)).sendTo(p);
    p.onStep(StepEvent.of("build", 1, 2, "COPY . /src", StepEvent.State.CACHED, Duration.ZERO));
    p.onStep(StepEvent.of("build", 2, 2, "RUN make", StepEvent.State.STARTED, Duration.ZERO));
    p.onStep(new StepEvent("build", 2, 2, "RUN make", StepEvent.State.LOG, Duration.ZERO, "cc -o \"a\" a.c\n"));
    new PhaseEvent(PhaseEvent.Phase.RUN, "build", 2, Duration.ofMillis(900)).sendTo(p);
    new PhaseEvent(PhaseEvent.Phase.LAYER, "build", 2, Duration.ofMillis(100)).sendTo(p);
    clock.advanceMillis(1000);
    p.onStep(StepEvent.of("build", 2, 2, "RUN make", StepEvent.State.DONE, Duration.ofMillis(1000)));
    new TransferEvent(TransferEvent.Kind.PUSH, "sha256:aa", "sha256:aa", TransferEvent.Status.PROGRESS, 10, -1).sendTo(p);
    new TransferEvent(TransferEvent.Kind.PUSH, "sha256:aa", "sha256:aa", TransferEvent.Status.DONE, 2048, 2048).sendTo(p);
    p.onMessage("pushing localhost:5000/app:1");
    BuildSummary s = p.finish();
    p.close();

    List<JsonNode> ev = parse(sink.toString());
    assertEquals(List.of("phase", "step.cached", "step.start", "log", "phase", "phase", "step.done", "transfer",
        "transfer", "message", "summary"), ev.stream().map(n -> n.get("type").asText()).toList());
    for (JsonNode n : ev) {
      assertTrue(n.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), n.toString());
    }
    assertEquals("2026-01-02T03:04:05.678Z", ev.get(0).get("time").asText());
    assertEquals("parse", ev.get(0).get("phase").asText());
    assertEquals(12, ev.get(0).get("duration_ms").asLong());
    assertFalse(ev.get(0).has("stage"), "build-wide phases have no stage");

    JsonNode cached = ev.get(1);
    assertEquals("build", cached.get("stage").asText());
    assertEquals(1, cached.get("step").asInt());
    assertEquals(2, cached.get("total").asInt());
    assertEquals("COPY . /src", cached.get("instruction").asText());
    assertEquals(0, cached.get("duration_ms").asLong());
    assertFalse(ev.get(2).has("duration_ms"), "a start has no duration");
    assertEquals("cc -o \"a\" a.c\n", ev.get(3).get("line").asText());
    assertEquals("run", ev.get(4).get("phase").asText());
    assertEquals(2, ev.get(4).get("step").asInt());
    assertEquals(1000, ev.get(6).get("duration_ms").asLong());
    assertEquals("2026-01-02T03:04:06.678Z", ev.get(6).get("time").asText());

    JsonNode progress = ev.get(7);
    assertEquals("push", progress.get("kind").asText());
    assertEquals("progress", progress.get("status").asText());
    assertFalse(progress.has("bytes_total"), "unknown totals are left out");
    assertEquals(2048, ev.get(8).get("bytes_total").asLong());
    assertEquals("pushing localhost:5000/app:1", ev.get(9).get("message").asText());

    JsonNode sum = ev.get(10);
    assertEquals(1000, sum.get("duration_ms").asLong());
    assertEquals(2, sum.get("steps").asInt());
    assertEquals(1, sum.get("cached").asInt());
    assertEquals(1, sum.get("run").asInt());
    assertEquals(0, sum.get("failed").asInt());
    assertEquals(2048, sum.get("bytes_pushed").asLong());
    assertEquals(12, sum.get("phases").get("parse").asLong());
    assertEquals(900, sum.get("phases").get("run").asLong());
    assertEquals(100, sum.get("phases").get("layer").asLong());
    assertEquals(List.of("parse", "run", "layer"), iterate(sum.get("phases")));
    assertEquals(2048, s.bytesPushed());
  }

  private static List<String> iterate(JsonNode obj) {
    List<String> names = new ArrayList<>();
    obj.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void concurrentEventsNeverInterleaveWithinALine() throws Exception {
    StringWriter sink = new StringWriter();
    RawJsonProgress p = new RawJsonProgress(new PrintWriter(sink));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int stage = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          p.onStep(new StepEvent("s" + stage, 1, 1, "RUN x", StepEvent.State.LOG, Duration.ZERO, "line " + i));
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    List<JsonNode> ev = parse(sink.toString());
    assertEquals(800, ev.size());
  }

  @Test
  void phaseAndTransferEventsAreIgnoredByListenersThatCannotShowThem() {
    RecordingProgress recording = new RecordingProgress();
    PhaseEvent.of(PhaseEvent.Phase.EXPORT, Duration.ofMillis(5)).sendTo(recording);
    new TransferEvent(TransferEvent.Kind.CONTEXT, "context", null, TransferEvent.Status.STARTED, 0, -1).sendTo(recording);
    assertEquals(0, recording.events().size());
    assertEquals("cache-lookup", PhaseEvent.Phase.CACHE_LOOKUP.label());
  }
}
