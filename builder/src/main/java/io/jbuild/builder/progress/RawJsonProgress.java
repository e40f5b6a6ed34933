package io.jbuild.builder.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code --progress=rawjson}: one JSON object per line per event, for tools. Every object has
 * {@code time} (UTC, ISO-8601 with milliseconds, e.g. {@code "2026-01-02T03:04:05.678Z"}) and {@code type};
 * the other fields depend on the type and are omitted when they do not apply:
 *
 * <table>
 * <caption>rawjson event schema</caption>
 * <tr><th>type</th><th>fields</th></tr>
 * <tr><td>{@code step.start}</td><td>{@code stage} (string), {@code step} (1-based index in the stage),
 *   {@code total} (steps in the stage), {@code instruction} ({@code "RUN make"})</td></tr>
 * <tr><td>{@code step.done}, {@code step.cached}, {@code step.error}</td><td>the same, plus
 *   {@code duration_ms}</td></tr>
 * <tr><td>{@code log}</td><td>the step fields plus {@code line}: one output line of a RUN step</td></tr>
 * <tr><td>{@code transfer}</td><td>{@code kind} ({@code pull|push|context}), {@code id}, {@code label},
 *   {@code status} ({@code started|progress|done|skipped}), {@code bytes} (so far), {@code bytes_total}
 *   (absent when unknown)</td></tr>
 * <tr><td>{@code phase}</td><td>{@code phase} ({@code parse|context|cache-lookup|run|layer|export|push}),
 *   {@code duration_ms}, and {@code stage}, {@code step} when the phase belongs to a step</td></tr>
 * <tr><td>{@code message}</td><td>{@code message}: free text (pulling, pushing, warnings)</td></tr>
 * <tr><td>{@code summary}</td><td>{@code duration_ms} (whole build), {@code steps}, {@code cached},
 *   {@code run}, {@code failed}, {@code bytes_pushed}, {@code phases} (object: phase name to total
 *   milliseconds)</td></tr>
 * </table>
 *
 * <p>Lines are written whole and flushed, one event at a time (thread-safe); consumers must ignore fields
 * and types they do not know, as later versions may add some.
 */
public final class RawJsonProgress implements ProgressView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Clock clock;
  private final Instant start;
  private final ProgressTally tally = new ProgressTally();

  public RawJsonProgress(PrintWriter out) {
    this(out, Clock.systemUTC());
  }

  RawJsonProgress(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
    this.start = clock.instant();
  }

  @Override
  public void onStep(StepEvent e) {
    tally.record(e);
    String type = switch (e.state()) {
      case STARTED -> "step.start";
      case DONE -> "step.done";
      case CACHED -> "step.cached";
      case ERROR -> "step.error";
      case LOG -> "log";
    };
    ObjectNode n = event(type);
    n.put("stage", e.stage());
    n.put("step", e.index());
    n.put("total", e.total());
    n.put("instruction", e.text());
    if (e.state() == StepEvent.State.LOG) {
      n.put("line", e.output());
    } else if (e.state() != StepEvent.State.STARTED) {
      n.put("duration_ms", e.elapsed().toMillis());
    }
    emit(n);
  }

  @Override
  public void onMessage(String message) {
    ObjectNode n = event("message");
    n.put("message", message);
    emit(n);
  }

  @Override
  public void onTransfer(TransferEvent e) {
    tally.record(e);
    ObjectNode n = event("transfer");
    n.put("kind", e.kind().label());
    n.put("id", e.id());
    n.put("label", e.label());
    n.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
    n.put("bytes", e.bytes());
    if (e.total() >= 0) {
      n.put("bytes_total", e.total());
    }
    emit(n);
  }

  @Override
  public void onPhase(PhaseEvent e) {
    tally.record(e);
    ObjectNode n = event("phase");
    n.put("phase", e.phase().label());
    n.put("duration_ms", e.duration().toMillis());
    if (e.stage() != null) {
      n.put("stage", e.stage());
      n.put("step", e.step());
    }
    emit(n);
  }

  @Override
  public BuildSummary finish() {
    BuildSummary s = tally.summary(Duration.between(start, clock.instant()));
    ObjectNode n = event("summary");
    n.put("duration_ms", s.total().toMillis());
    n.put("steps", s.steps());
    n.put("cached", s.cached());
    n.put("run", s.run());
    n.put("failed", s.failed());
    n.put("bytes_pushed", s.bytesPushed());
    ObjectNode phases = n.putObject("phases");
    for (Map.Entry<PhaseEvent.Phase, Duration> p : s.phases().entrySet()) {
      phases.put(p.getKey().label(), p.getValue().toMillis());
    }
    emit(n);
    return s;
  }

  @Override
  public void close() {
    synchronized (out) {
      out.flush();
    }
  }

  private ObjectNode event(String type) {
    ObjectNode n = JSON.createObjectNode();
    n.put("time", TIME.format(clock.instant()));
    n.put("type", type);
    return n;
  }

  private void emit(ObjectNode n) {
    String line;
    try {
      line = JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("writing a progress event", e);
    }
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
