package io.jbuild.oci.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves paths inside a root directory the way {@code securejoin} does: every component is looked up under the
 * root; a symlink is replaced by its target, an absolute target restarting from the root and {@code ..} never
 * climbing above it. The result therefore always lies inside the root, whatever the links say, and host paths are
 * never consulted. Missing components are kept literally. More than {@value #MAX_LINKS} links is an error.
 */
final class RootResolver {
  static final int MAX_LINKS = 255;
  private final Path root;

  RootResolver(Path root) {
    this.root = root;
  }

  /** Resolves all the given components (all of them are followed if they are symlinks). */
  Path resolve(List<String> components) throws IOException {
    Deque<String> todo = new ArrayDeque<>(components);
    List<String> resolved = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
        continue;
      }
      Path candidate = join(resolved).resolve(c);
      if (Files.isSymbolicLink(candidate)) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many levels of symbolic links");
        }
        String target = Files.readSymbolicLink(candidate).toString();
        if (target.startsWith("/")) {
          resolved.clear();
        }
        String[] parts = target.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          todo.push(parts[i]);
        }
      } else {
        resolved.add(c);
      }
    }
    return join(resolved);
  }

  private Path join(List<String> parts) {
    Path p = root;
    for (String s : parts) {
      p = p.resolve(s);
    }
    return p;
  }
}
