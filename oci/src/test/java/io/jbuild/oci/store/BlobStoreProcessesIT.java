package io.jbuild.oci.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbuild.oci.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs share one store, writing the same blob concurrently: no errors, no partial files. */
class BlobStoreProcessesIT {
  @TempDir Path dir;

  static byte[] sharedContent() {
    byte[] b = new byte[2 << 20];
    new Random(42).nextBytes(b);
    return b;
  }

  static Digest sharedDigest() {
    return Digest.sha256(sharedContent());
  }

  @Test
  void processesShareAStore() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ConcurrentWriterMain.class.getName(), dir.toString(), Integer.toString(i))
          .redirectErrorStream(true).start());
    }
    for (Process p : processes) {
      String output = new String(p.getInputStream().readAllBytes());
      p.waitFor(120, TimeUnit.SECONDS);
      assertEquals(0, p.exitValue(), output);
    }
    BlobStore store = BlobStore.open(dir);
    assertEquals(1 + 3 * 20, store.list().count());
    for (Digest d : store.list().toList()) {
      store.verify(d);
    }
    try (Stream<Path> ingest = Files.list(dir.resolve("ingest"))) {
      assertEquals(0, ingest.count());
    }
  }
}
