package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the independent tools the tests compare against. */
final class Commands {
  private Commands() {}

  /** Runs a command in {@code dir}, asserts it succeeded and returns its output without the final newline. */
  static String run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    int rc = p.waitFor();
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, String.join(" ", cmd) + ": " + text);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
