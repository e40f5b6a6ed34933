package io.jbuild.runtime.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a container path inside a rootfs directory the way the container would see it:
 * symlinks are followed relative to the root, {@code ..} never climbs above it. Like
 * {@code filepath-securejoin}, the result is always below the root.
 */
public final class InRoot {
  private static final int MAX_LINKS = 255;

  private InRoot() {}

  /**
   * Returns the host path of {@code containerPath} under {@code root}, following every symlink
   * (the last component included) inside the root. Missing components are kept as they are.
   *
   * @throws IOException if a symlink cannot be read or there are too many links
   */
  public static Path resolve(Path root, String containerPath) throws IOException {
    return root.resolve(String.join("/", resolveComponents(root, containerPath)));
  }

  /**
   * Returns the normalised components of {@code containerPath} inside {@code root}, with every
   * symlink followed inside the root; the empty list means the root itself.
   */
  public static List<String> resolveComponents(Path root, String containerPath) throws IOException {
    Deque<String> todo = new ArrayDeque<>(split(containerPath));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      done.add(c);
      Path host = root.resolve(String.join("/", done));
      if (Files.isSymbolicLink(host)) {
        if (++links > MAX_LINKS) {
          throw new IOException("resolving " + containerPath + " in " + root + ": too many symlinks");
        }
        String target = Files.readSymbolicLink(host).toString();
        done.remove(done.size() - 1);
        if (target.startsWith("/")) {
          done.clear();
        }
        List<String> parts = split(target);
        for (int i = parts.size() - 1; i >= 0; i--) {
          todo.addFirst(parts.get(i));
        }
      }
    }
    return List.copyOf(done);
  }

  /** Splits a path into components, dropping empty and {@code .} components. */
  public static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (!c.isEmpty() && !c.equals(".")) {
        out.add(c);
      }
    }
    return out;
  }

  /** Returns {@code true} if {@code path} exists without following a final symlink. */
  public static boolean existsNoFollow(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }
}
