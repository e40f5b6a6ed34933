package io.jbuild.builder.copy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the extended attributes of source entries (BuildKit's copier copies them all, e.g.
 * {@code security.capability} of binaries in a stage) with one {@code getfattr -R} run per copied
 * tree, since the JDK only reaches the {@code user.} namespace. Best effort: without
 * {@code getfattr} (Debian package {@code attr}) or when it fails, entries have no xattrs.
 * Overlay and SELinux internals ({@code trusted.overlay.*}, {@code user.overlay.*},
 * {@code security.selinux}) are never copied.
 */
final class Xattrs {
  private static final Path GETFATTR = Paths.get("/usr/bin/getfattr");

  private Xattrs() {}

  /**
   * The xattrs of {@code path} and, if it is a directory, everything below it (symlinks not
   * followed), keyed by absolute path; paths without xattrs are absent.
   */
  static Map<Path, Map<String, byte[]>> read(Path path) {
    Map<Path, Map<String, byte[]>> out = new HashMap<>();
    if (!Files.isExecutable(GETFATTR)) {
      return out;
    }
    try {
      Process p = new ProcessBuilder(GETFATTR.toString(), "-R", "-P", "-d", "-m", "-", "-e", "hex", "--absolute-names",
          "--", path.toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.ISO_8859_1))) {
        Path current = null;
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith("# file: ")) {
            current = Paths.get(unescape(line.substring(8)));
          } else if (current != null && !line.isEmpty()) {
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq);
            if (eq < 0 || skipped(name) || !line.startsWith("0x", eq + 1)) {
              continue;
            }
            byte[] value = HexFormat.of().parseHex(line.substring(eq + 3));
            out.computeIfAbsent(current, k -> new TreeMap<>()).put(name, value);
          }
        }
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException | IllegalArgumentException e) {
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  private static boolean skipped(String name) {
    return name.startsWith("trusted.overlay.") || name.startsWith("user.overlay.") || name.equals("security.selinux");
  }

  /** Undoes getfattr's {@code \ooo} escapes; the bytes are UTF-8. */
  static String unescape(String s) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        b.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
