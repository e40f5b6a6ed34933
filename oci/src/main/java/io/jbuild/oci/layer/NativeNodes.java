package io.jbuild.oci.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What Java cannot do on files: device nodes and fifos ({@code /usr/bin/mknod}, {@code /usr/bin/mkfifo} from
 * coreutils) and extended attributes outside the {@code user.} namespace ({@code setfattr} from Debian's
 * {@code attr} package). Each call runs one short process; failures are {@link IOException}s carrying the tool's
 * message.
 * {@code touch -h} sets times of fifos and devices, which Java could only do by opening them.
 */
final class NativeNodes {
  private NativeNodes() {}

  /** Creates a character ({@code 'c'}) or block ({@code 'b'}) device node, or a fifo ({@code 'p'}), with the permission bits of {@code mode}. */
  static void mknod(Path path, char kind, int mode, long major, long minor) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (kind == 'p') {
      cmd.addAll(List.of("mkfifo", "-m", Integer.toOctalString(mode & 0777), "--", path.toString()));
    } else {
      cmd.addAll(List.of("mknod", "-m", Integer.toOctalString(mode & 0777), "--", path.toString(),
          String.valueOf(kind), Long.toString(major), Long.toString(minor)));
    }
    run(cmd);
  }

  /** Sets an extended attribute without following a symlink at {@code path}. */
  static void setXattr(Path path, String name, byte[] value) throws IOException {
    run(List.of("setfattr", "-h", "-n", name, "-v", "0x" + HexFormat.of().formatHex(value), "--",
        path.toString()));
  }

  /** Changes the mode (all 12 bits) without opening the file. */
  static void chmod(Path path, int mode) throws IOException {
    run(List.of("chmod", Integer.toOctalString(mode & 07777), "--", path.toString()));
  }

  /** Sets the modification (and access) time without opening the file or following a symlink. */
  static void touch(Path path, java.time.Instant mtime) throws IOException {
    String stamp = "@" + mtime.getEpochSecond() + "." + String.format("%09d", mtime.getNano());
    run(List.of("touch", "-h", "-c", "-d", stamp, "--", path.toString()));
  }

  private static void run(List<String> cmd) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(cmd.get(0) + " is not available: " + e.getMessage());
    }
    try {
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(cmd.get(0) + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IOException(cmd.get(0) + " failed: " + new String(output, StandardCharsets.UTF_8).trim());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(cmd.get(0) + " interrupted");
    }
  }
}
