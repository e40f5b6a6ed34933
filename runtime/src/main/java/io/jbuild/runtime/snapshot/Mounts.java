package io.jbuild.runtime.snapshot;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Mounting and unmounting through {@code mount(8)}/{@code umount(8)}, and mountinfo queries. */
final class Mounts {
  private Mounts() {}

  /** Runs {@code cmd} in {@code cwd} and fails with its output if it exits non-zero. */
  static void exec(Path cwd, List<String> cmd, String what) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (cwd != null) {
      pb.directory(cwd.toFile());
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    boolean interrupted = false;
    while (true) {
      try {
        p.waitFor(60, TimeUnit.SECONDS);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (p.isAlive()) {
      p.destroyForcibly();
      throw new IOException(what + ": " + cmd.get(0) + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new IOException(what + ": " + (out.isEmpty() ? cmd.get(0) + " exited " + p.exitValue() : out));
    }
  }

  /** Mounts an overlay on {@code target}; lower paths may be relative to {@code cwd}. */
  static void mountOverlay(Path cwd, String options, Path target) throws IOException {
    exec(
        cwd,
        List.of("mount", "-t", "overlay", "overlay", "-o", options, target.toString()),
        "mounting overlay on " + target);
  }

  /**
   * Unmounts {@code target}, retrying a busy mount for a few seconds, then detaching it lazily.
   * Does nothing if it is not mounted.
   */
  static void unmount(Path target) throws IOException {
    IOException last = null;
    for (int i = 0; i < 20 && isMounted(target); i++) {
      try {
        exec(null, List.of("umount", target.toString()), "unmounting " + target);
        return;
      } catch (IOException e) {
        last = e;
        sleep(100);
      }
    }
    if (isMounted(target)) {
      exec(null, List.of("umount", "-l", target.toString()), "unmounting " + target + " lazily");
    }
    if (isMounted(target)) {
      throw last != null ? last : new IOException("unmounting " + target + ": still mounted");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The mount points of this process's mount namespace, unescaped. */
  static List<String> mountPoints() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (f.length > 4) {
        out.add(unescape(f[4]));
      }
    }
    return out;
  }

  /** Returns {@code true} if {@code path} is a mount point. */
  static boolean isMounted(Path path) throws IOException {
    return mountPoints().contains(path.toAbsolutePath().normalize().toString());
  }

  /** Returns {@code true} if something is mounted at or below {@code dir}. */
  static boolean anyMountUnder(Path dir) throws IOException {
    String d = dir.toAbsolutePath().normalize().toString();
    return mountPoints().stream().anyMatch(m -> m.equals(d) || m.startsWith(d + "/"));
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        try {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
          i += 3;
          continue;
        } catch (NumberFormatException e) {
          // not an escape
        }
      }
      b.append(c);
    }
    return b.toString();
  }
}
