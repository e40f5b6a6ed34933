package io.jbuild.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Builds a minimal busybox rootfs in Java: /bin/busybox, applet symlinks, /etc, /tmp, /root. */
public final class TestRootfs {
  private static final FileTime EPOCH = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  private TestRootfs() {}

  /** Returns {@code true} if runc can be tried here: root, runc and busybox present. */
  public static boolean canRunContainers() {
    return "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/bin/busybox"))
        && (Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")));
  }

  /** Writes the rootfs into {@code dir} (created) and returns it. */
  public static Path busybox(Path dir) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Process p = new ProcessBuilder("/bin/busybox", "--list").start();
    String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    for (String applet : list.split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet.trim()), Path.of("busybox"));
      }
    }
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nwheel:x:10:app\napp:x:1000:\nnogroup:x:65534:\n");
    Files.createDirectories(dir.resolve("tmp"));
    Files.setAttribute(dir.resolve("tmp"), "unix:mode", 01777);
    Files.createDirectories(dir.resolve("root"));
    Files.setAttribute(dir.resolve("root"), "unix:mode", 0700);
    for (Path d : new Path[] {etc, bin, dir.resolve("tmp"), dir.resolve("root"), dir}) {
      Files.setLastModifiedTime(d, EPOCH);
    }
    return dir;
  }

  /** Writes a file with content and a fixed mtime. */
  public static void file(Path root, String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, EPOCH);
  }

  /** Sets the fixed mtime on a path (no follow). */
  public static void touch(Path p) throws IOException {
    Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(EPOCH, null, null);
  }
}
