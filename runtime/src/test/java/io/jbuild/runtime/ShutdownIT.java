package io.jbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.runtime.oci.OciRuntimes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminating the JVM (SIGTERM, as on Ctrl-C) kills the container and cleans everything up. */
class ShutdownIT {
  @TempDir Path dir;

  @Test
  void jvmShutdownKillsTheContainerAndUnmounts() throws Exception {
    Assumptions.assumeTrue(TestRootfs.canRunContainers(), "needs root, runc and busybox");
    Path base = TestRootfs.busybox(dir.resolve("base"));
    Path work = Files.createDirectories(dir.resolve("work"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(), "-cp", System.getProperty("java.class.path"), ShutdownChild.class.getName(),
                base.toString(), work.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    assertEquals("started", line);
    assertTrue(StepExecutorIT.mountsUnder(work).size() == 1, "the snapshot is mounted while running");
    child.destroy();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child jvm exits");
    assertEquals(List.of(), StepExecutorIT.mountsUnder(work));
    assertEquals(List.of(), OciRuntimes.resolve("runc").list(work.resolve("runc")));
    try (Stream<Path> s = Files.list(work)) {
      assertEquals(
          List.of(), s.filter(p -> !p.getFileName().toString().equals("runc")).collect(Collectors.toList()));
    }
  }
}
