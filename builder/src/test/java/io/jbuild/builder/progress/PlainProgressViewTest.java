package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainProgressViewTest {

  @Test
  void oneLinePerEventWithCachedMarksDurationsTransfersAndTheSummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FakeClock clock = new FakeClock();
    PlainProgressView view = new PlainProgressView(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);
    view.onStep(StepEvent.of("build", 1, 2, "COPY . /src", StepEvent.State.CACHED, Duration.ZERO));
    view.onStep(StepEvent.of("build", 2, 2, "RUN make", StepEvent.State.STARTED, Duration.ZERO));
    view.onStep(new StepEvent("build", 2, 2, "RUN make", StepEvent.State.LOG, Duration.ZERO, "ok"));
    view.onStep(StepEvent.of("build", 2, 2, "RUN make", StepEvent.State.DONE, Duration.ofMillis(1230)));
    view.onTransfer(new TransferEvent(TransferEvent.Kind.PUSH, "a", "sha256:aaaaaaaaaaaa", TransferEvent.Status.STARTED, 0, 4_100_000));
    view.onTransfer(new TransferEvent(TransferEvent.Kind.PUSH, "a", "sha256:aaaaaaaaaaaa", TransferEvent.Status.PROGRESS, 100, 4_100_000));
    view.onTransfer(new TransferEvent(TransferEvent.Kind.PUSH, "a", "sha256:aaaaaaaaaaaa", TransferEvent.Status.DONE, 4_100_000, 4_100_000));
    view.onTransfer(new TransferEvent(TransferEvent.Kind.PUSH, "b", "sha256:bbbbbbbbbbbb", TransferEvent.Status.SKIPPED, 0, 10));
    clock.advanceMillis(12_345);
    view.finish();
    view.close();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(out.contains("\033"), "no escape sequences in plain output");
    assertEquals(List.of(
        "[build 1/2] COPY . /src  CACHED",
        "[build 2/2] RUN make",
        "[build 2/2] ok",
        "[build 2/2] RUN make  DONE 1.2s",
        "push sha256:aaaaaaaaaaaa 4.1 MB",
        "push sha256:bbbbbbbbbbbb exists",
        "total 12.3s, 2 steps (1 cached, 1 run), pushed 4.1 MB"), out.lines().toList());
  }
}
