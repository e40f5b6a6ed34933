package io.jbuild.runtime.snapshot;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads extended attributes of every namespace ({@code security.capability}, {@code user.*},
 * {@code trusted.*}) in batches with {@code getfattr(1)} (Debian package {@code attr}), without
 * following symlinks. Without getfattr only {@code user.*} xattrs of regular files and directories
 * are read (through the JDK). Overlay and jbuild internal xattrs are always dropped.
 */
final class Xattrs {
  private static final int BATCH = 400;
  private static final Path GETFATTR = find();

  private Xattrs() {}

  private static Path find() {
    for (String d : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path p = Path.of(d, "getfattr");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The xattrs of {@code paths}; paths without any are absent from the map. */
  static Map<Path, List<Xattr>> read(Collection<Path> paths) throws IOException {
    Map<Path, List<Xattr>> out = new HashMap<>();
    List<Path> all = new ArrayList<>(paths);
    if (GETFATTR == null) {
      for (Path p : all) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          List<Xattr> x = FileMeta.userXattrs(p);
          if (!x.isEmpty()) {
            out.put(p, x);
          }
        }
      }
      return out;
    }
    for (int i = 0; i < all.size(); i += BATCH) {
      List<String> cmd =
          new ArrayList<>(List.of(GETFATTR.toString(), "-d", "-m", "-", "-e", "hex", "-h", "--absolute-names", "--"));
      for (Path p : all.subList(i, Math.min(all.size(), i + BATCH))) {
        cmd.add(p.toAbsolutePath().toString());
      }
      parse(run(cmd), out);
    }
    return out;
  }

  /** The xattrs of every entry below {@code root} (one {@code getfattr -R} run). */
  static Map<Path, List<Xattr>> readTree(Path root) throws IOException {
    if (GETFATTR == null) {
      List<Path> all = new ArrayList<>();
      try (var s = Files.walk(root)) {
        s.forEach(all::add);
      }
      return read(all);
    }
    Map<Path, List<Xattr>> out = new HashMap<>();
    parse(
        run(
            List.of(
                GETFATTR.toString(), "-R", "-P", "-d", "-m", "-", "-e", "hex", "-h", "--absolute-names", "--",
                root.toAbsolutePath().toString())),
        out);
    return out;
  }

  private static String run(List<String> cmd) throws IOException {
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("reading xattrs: interrupted");
    }
    return text;
  }

  private static void parse(String text, Map<Path, List<Xattr>> out) {
    Path current = null;
    List<Xattr> attrs = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("# file: ")) {
        current = Path.of(unescape(line.substring("# file: ".length())));
        attrs = new ArrayList<>();
      } else if (current != null && line.contains("=")) {
        int eq = line.indexOf('=');
        String name = line.substring(0, eq);
        String value = line.substring(eq + 1);
        if (FileMeta.INTERNAL_XATTRS.stream().anyMatch(name::startsWith)) {
          continue;
        }
        byte[] bytes;
        if (value.startsWith("0x")) {
          bytes = HexFormat.of().parseHex(value.substring(2));
        } else if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
          bytes = unescape(value.substring(1, value.length() - 1)).getBytes(StandardCharsets.ISO_8859_1);
        } else {
          bytes = new byte[0];
        }
        attrs.add(new Xattr(name, bytes));
      } else if (line.isEmpty() && current != null) {
        if (!attrs.isEmpty()) {
          attrs.sort(Comparator.comparing(Xattr::name));
          out.put(current, List.copyOf(attrs));
        }
        current = null;
      }
    }
    if (current != null && !attrs.isEmpty()) {
      attrs.sort(Comparator.comparing(Xattr::name));
      out.put(current, List.copyOf(attrs));
    }
  }

  /** Undoes getfattr's quoting: {@code \ooo} octal bytes and {@code \\}. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\\' && i + 1 < in.length && in[i + 1] == '\\') {
        b.write('\\');
        i++;
      } else if (in[i] == '\\' && i + 3 < in.length && isOctal(in[i + 1]) && isOctal(in[i + 2]) && isOctal(in[i + 3])) {
        b.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
        i += 3;
      } else {
        b.write(in[i]);
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private static boolean isOctal(byte c) {
    return c >= '0' && c <= '7';
  }
}
