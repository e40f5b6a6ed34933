package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.oci.Digest;
import io.jbuild.oci.Platform;
import io.jbuild.registry.ContentSinks;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.TransferListener;
import io.jbuild.registry.auth.CredentialStores;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry transfers reported through {@link RegistryTransfers}, against the real distribution registry. */
class RegistryTransfersIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void pushAndPullBecomeTransferEventsAndThePushedBytesAreSummed() throws Exception {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
    TestImages.Image image = TestImages.random(42, 700_000, 5_000);
    long total = image.blobs().stream().mapToLong(b -> b.bytes().length).sum();
    RegistryClient client = RegistryClients.create(RegistryOptions.defaults()
        .withCredentials(CredentialStores.anonymous()).withCertsDir(null).withChunkSize(64 * 1024));
    StringWriter sink = new StringWriter();
    RawJsonProgress view = new RawJsonProgress(new PrintWriter(sink));
    try (RegistryServer registry = RegistryServer.start()) {
      client.push(registry.ref("app:1"), image.pushRequest(), RegistryTransfers.of(view, TransferEvent.Kind.PUSH));
      client.push(registry.ref("app:2"), image.pushRequest(), RegistryTransfers.of(view, TransferEvent.Kind.PUSH));
      client.pull(registry.ref("app:1"), Platform.parse("linux/amd64"), ContentSinks.ociLayout(tmp.resolve("l")),
          RegistryTransfers.of(view, TransferEvent.Kind.PULL));
    }
    BuildSummary s = view.finish();
    assertEquals(total, s.bytesPushed(), "the second push sent nothing");

    List<JsonNode> transfers = new ArrayList<>();
    for (String line : sink.toString().split("\n")) {
      JsonNode n = JSON.readTree(line);
      if (n.get("type").asText().equals("transfer")) {
        transfers.add(n);
      }
    }
    for (TestImages.Blob b : image.blobs()) {
      Digest d = b.descriptor().digest();
      List<String> push = statuses(transfers, "push", d);
      assertEquals("started", push.get(0), push.toString());
      assertTrue(push.contains("done") && push.contains("skipped"), push.toString());
      JsonNode done = transfers.stream().filter(n -> n.get("id").asText().equals(d.toString())
          && n.get("status").asText().equals("done")).findFirst().orElseThrow();
      assertEquals(b.bytes().length, done.get("bytes").asLong());
      assertEquals(b.bytes().length, done.get("bytes_total").asLong());
      assertEquals(d.algorithm() + ":" + d.shortHex(), done.get("label").asText());
    }
    for (TestImages.Blob layer : image.layers()) {
      List<String> pull = statuses(transfers, "pull", layer.descriptor().digest());
      assertEquals("done", pull.get(pull.size() - 1), pull.toString());
    }
  }

  private static List<String> statuses(List<JsonNode> transfers, String kind, Digest d) {
    return transfers.stream().filter(n -> n.get("kind").asText().equals(kind) && n.get("id").asText().equals(d.toString()))
        .map(n -> n.get("status").asText()).toList();
  }

  @Test
  void progressEventsAreThrottledPerBlob() {
    List<TransferEvent> seen = new ArrayList<>();
    ProgressView view = new ProgressView() {
      @Override public void onStep(StepEvent e) { }
      @Override public void onTransfer(TransferEvent e) {
        seen.add(e);
      }
      @Override public BuildSummary finish() {
        return null;
      }
      @Override public void close() { }
    };
    AtomicLong nanos = new AtomicLong();
    TestImages.Blob blob = TestImages.random(3, 10_000).layers().get(0);
    TransferListener l = RegistryTransfers.of(view, TransferEvent.Kind.PULL, nanos::get, Duration.ofMillis(100));
    l.started(blob.descriptor());
    for (int i = 0; i < 50; i++) {
      nanos.addAndGet(Duration.ofMillis(10).toNanos());
      l.transferred(blob.descriptor(), 10);
    }
    l.completed(blob.descriptor());
    List<TransferEvent.Status> statuses = seen.stream().map(TransferEvent::status).toList();
    assertEquals(TransferEvent.Status.STARTED, statuses.get(0));
    assertEquals(5, statuses.stream().filter(s -> s == TransferEvent.Status.PROGRESS).count(), statuses.toString());
    assertEquals(100, seen.get(1).bytes(), "cumulative bytes after 100 ms");
    assertEquals(TransferEvent.Status.DONE, statuses.get(statuses.size() - 1));
    assertEquals(blob.descriptor().size(), seen.get(seen.size() - 1).bytes());
  }

  @Test
  void listenersThatCannotDrawGetNothing() {
    assertSame(TransferListener.NONE, RegistryTransfers.of(new RecordingProgress(), TransferEvent.Kind.PUSH));
  }

}
