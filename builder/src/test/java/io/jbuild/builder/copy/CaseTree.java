package io.jbuild.builder.copy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Builds file trees for tests from the small line language of {@code testdata/copy/<case>/case.txt}. */
final class CaseTree {
  /** The mtime given to every file and directory the tests create. */
  static final Instant FIXED = Instant.parse("2020-01-01T00:00:00Z");

  private CaseTree() {}

  /**
   * Applies one tree line (without the tree name): {@code file PATH MODE [owner=U:G] CONTENT...},
   * {@code dir PATH MODE [owner=U:G]}, {@code symlink PATH TARGET}, {@code hardlink PATH EXISTING},
   * {@code big PATH SIZE}, {@code fifo PATH}, {@code xattr PATH NAME VALUE} (setfattr syntax, e.g. {@code 0x0102}). Paths are percent-decoded; content uses {@code \n}.
   */
  static void apply(Path root, List<String> f) throws IOException {
    String kind = f.get(0);
    Path p = root.resolve(decode(f.get(1)));
    if (kind.equals("xattr")) {
      run("setfattr", "-n", f.get(2), "-v", f.get(3), p.toString());
      return;
    }
    Files.createDirectories(p.getParent());
    switch (kind) {
      case "file": {
        int i = 3;
        String owner = null;
        if (f.size() > 3 && f.get(3).startsWith("owner=")) {
          owner = f.get(3).substring(6);
          i = 4;
        }
        String content = String.join(" ", f.subList(Math.min(i, f.size()), f.size())).replace("\\n", "\n");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        finish(p, Integer.parseInt(f.get(2), 8), owner);
        break;
      }
      case "dir": {
        Files.createDirectories(p);
        finish(p, Integer.parseInt(f.get(2), 8), f.size() > 3 ? f.get(3).substring(6) : null);
        break;
      }
      case "symlink":
        Files.createSymbolicLink(p, Paths.get(decode(f.get(2))));
        break;
      case "hardlink":
        Files.createLink(p, root.resolve(decode(f.get(2))));
        break;
      case "big": {
        long size = Long.parseLong(f.get(2));
        Random r = new Random(size);
        byte[] buf = new byte[65536];
        try (OutputStream os = Files.newOutputStream(p)) {
          for (long left = size; left > 0; ) {
            r.nextBytes(buf);
            int n = (int) Math.min(buf.length, left);
            os.write(buf, 0, n);
            left -= n;
          }
        }
        finish(p, 0644, null);
        break;
      }
      case "fifo":
        run("mkfifo", p.toString());
        break;

      default:
        throw new IllegalArgumentException("unknown tree line " + f);
    }
  }

  /** Sets every directory's mtime to {@link #FIXED} (after all files are created). */
  static void fixDirTimes(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      for (Path d : (Iterable<Path>) s::iterator) {
        if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
          Files.setLastModifiedTime(d, FileTime.from(FIXED));
        }
      }
    }
  }

  private static void finish(Path p, int mode, String owner) throws IOException {
    if (owner != null) {
      String[] ug = owner.split(":");
      Files.setAttribute(p, "unix:uid", Integer.parseInt(ug[0]), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", Integer.parseInt(ug[1]), LinkOption.NOFOLLOW_LINKS);
    }
    if ((mode & ~0777) != 0) {
      run("chmod", Integer.toOctalString(mode), p.toString());
    } else {
      Files.setPosixFilePermissions(p, perms(mode));
    }
    Files.setLastModifiedTime(p, FileTime.from(FIXED));
  }

  static Set<PosixFilePermission> perms(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(all[i]);
      }
    }
    return s;
  }

  static void run(String... cmd) throws IOException {
    try {
      Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (pr.waitFor() != 0) {
        throw new IOException(String.join(" ", cmd) + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
