package io.jbuild.runtime.oci;

import io.jbuild.runtime.ContainerException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link OciRuntime} for runc and crun, which share the CLI {@code --root R run --bundle B ID}. */
final class RuncRuntime implements OciRuntime {
  private static final long KILL_WAIT_MS = 10_000;
  private final Path executable;

  RuncRuntime(Path executable) {
    this.executable = executable;
  }

  @Override
  public Path executable() {
    return executable;
  }

  @Override
  public int run(Path bundle, Path stateRoot, String containerId, OutputSink sink, Duration timeout)
      throws ContainerException, InterruptedException {
    String what = "running container " + containerId;
    try {
      Files.createDirectories(stateRoot);
    } catch (IOException e) {
      throw new ContainerException(what + ": creating state root " + stateRoot, e);
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            executable.toString(), "--root", stateRoot.toString(), "run", "--bundle", bundle.toString(), containerId);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ContainerException(what + ": starting " + executable, e);
    }
    Thread hook = new Thread(() -> cleanup(stateRoot, containerId, process), "jbuild-kill-" + containerId);
    boolean hooked = addHook(hook);
    Thread out = pump(process.getInputStream(), OutputSink.Stream.STDOUT, sink, containerId);
    Thread err = pump(process.getErrorStream(), OutputSink.Stream.STDERR, sink, containerId);
    try {
      if (!hooked) {
        throw new ContainerException(what + ": the jvm is shutting down");
      }
      if (timeout == null) {
        process.waitFor();
      } else if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ContainerException(what + ": timed out after " + timeout.toSeconds() + "s");
      }
      out.join();
      err.join();
      return process.exitValue();
    } finally {
      boolean interrupted = Thread.interrupted();
      cleanup(stateRoot, containerId, process);
      joinQuietly(out);
      joinQuietly(err);
      if (hooked) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs or ran already
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean addHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Kills the container if the runtime still runs, then force-deletes it. Never throws. */
  private void cleanup(Path stateRoot, String id, Process process) {
    if (process.isAlive()) {
      quiet(stateRoot, "kill", id, "KILL");
      long deadline = System.currentTimeMillis() + KILL_WAIT_MS;
      while (process.isAlive() && System.currentTimeMillis() < deadline) {
        quiet(stateRoot, "kill", id, "KILL");
        waitUninterruptibly(process, 100);
      }
      if (process.isAlive()) {
        process.destroyForcibly();
        waitUninterruptibly(process, KILL_WAIT_MS);
      }
    }
    quiet(stateRoot, "delete", "--force", id);
  }

  private void quiet(Path stateRoot, String... args) {
    List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--root", stateRoot.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      waitUninterruptibly(p, KILL_WAIT_MS);
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      // best effort: the caller checks the state afterwards
    }
  }

  private static void waitUninterruptibly(Process p, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    boolean interrupted = false;
    while (p.isAlive() && System.currentTimeMillis() < deadline) {
      try {
        p.waitFor(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void joinQuietly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join(KILL_WAIT_MS);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread pump(InputStream in, OutputSink.Stream stream, OutputSink sink, String id) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  try {
                    sink.line(stream, line);
                  } catch (RuntimeException e) {
                    // a failing sink must not block the container on a full pipe
                  }
                }
              } catch (IOException e) {
                // the stream closes when the process dies
              }
            },
            "jbuild-" + stream.name().toLowerCase() + "-" + id);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public List<String> list(Path stateRoot) throws ContainerException, InterruptedException {
    if (!Files.isDirectory(stateRoot)) {
      return List.of();
    }
    try {
      Process p =
          new ProcessBuilder(executable.toString(), "--root", stateRoot.toString(), "list", "-q")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc != 0) {
        throw new ContainerException("listing containers in " + stateRoot + ": " + executable + " exited " + rc);
      }
      List<String> ids = new ArrayList<>();
      for (String l : outText.split("\n")) {
        if (!l.isBlank()) {
          ids.add(l.trim());
        }
      }
      return ids;
    } catch (IOException e) {
      throw new ContainerException("listing containers in " + stateRoot, e);
    }
  }
}
