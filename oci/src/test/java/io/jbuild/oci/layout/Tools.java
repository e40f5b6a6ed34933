package io.jbuild.oci.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the independent tools (umoci, skopeo) the tests use as oracles. */
final class Tools {
  private Tools() {}

  static void require(String tool) {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        found = true;
      }
    }
    Assumptions.assumeTrue(found, tool + " is not installed (scripts/test installs it)");
  }

  /** Runs the command and returns stdout; fails the test with stderr on a non-zero exit. */
  static String run(String... command) throws IOException, InterruptedException {
    require(command[0]);
    Path err = Files.createTempFile("tool-", ".err");
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " timed out");
      }
      assertEquals(0, p.exitValue(), () -> String.join(" ", new ArrayList<>(List.of(command))) + " failed: "
          + readQuietly(err) + out);
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
