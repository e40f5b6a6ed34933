package io.jbuild.registry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools (skopeo, umoci) for independent checks. */
public final class Commands {
  private Commands() {}

  /** The outcome of a command. */
  public record Result(int exit, String output) {}

  /** Runs {@code command} (stderr merged into stdout), waiting at most two minutes. */
  public static Result run(String... command) throws IOException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Result(p.exitValue(), out);
  }

  /** Runs {@code command} and returns its output; throws when it fails. */
  public static String check(String... command) throws IOException {
    Result r = run(command);
    if (r.exit() != 0) {
      throw new IOException(String.join(" ", command) + ": exit " + r.exit() + ": " + r.output());
    }
    return r.output();
  }
}
