package io.jbuild.builder.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves paths inside a root directory the way BuildKit's {@code fs.RootPath} (and
 * {@code securejoin}) do: the path is taken relative to the root whatever its leading
 * {@code /}, {@code ..} never climbs above the root, and every symlink met on the way is
 * resolved <em>inside</em> the root (an absolute target is relative to the root, a relative
 * target relative to the link's directory). Nothing on the host outside the root is ever
 * consulted. Components that do not exist are appended lexically.
 */
public final class ScopedPath {
  /** Linux's limit on symlinks followed while resolving one path. */
  static final int MAX_LINKS = 255;

  private ScopedPath() {}

  /**
   * Cleans a {@code /}-separated path lexically, as Go's {@code path.Clean} after joining with
   * {@code /}: the result is relative (no leading {@code /}), has no {@code .}, {@code ..} or
   * empty components, and is {@code ""} for the root itself.
   *
   * @param path any path; {@code ..} components at the top are dropped (they cannot leave the root)
   * @return the cleaned relative path
   */
  public static String clean(String path) {
    Deque<String> out = new ArrayDeque<>();
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        out.pollLast();
      } else {
        out.addLast(c);
      }
    }
    return String.join("/", out);
  }

  /**
   * Whether a path relative to a root climbs above it lexically (e.g. {@code ../x},
   * {@code a/../../x}); absolute paths are taken relative to the root and never escape.
   */
  public static boolean escapes(String path) {
    if (path.startsWith("/")) {
      return false;
    }
    int depth = 0;
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else {
        depth++;
      }
    }
    return false;
  }

  /**
   * Resolves {@code path} inside {@code root}.
   *
   * @param root the root directory (must exist)
   * @param path a path relative to the root ({@code /}-separated; a leading {@code /} is ignored)
   * @param followLast whether a symlink in the last component is followed too
   * @return the resolved relative path, cleaned ({@code ""} for the root)
   * @throws ContextException on too many levels of symbolic links or an unreadable link
   */
  public static String resolve(Path root, String path, boolean followLast) throws ContextException {
    Deque<String> todo = new ArrayDeque<>(split(path));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path candidate = root.resolve(join(done, c));
      boolean last = todo.isEmpty();
      if ((!last || followLast) && Files.isSymbolicLink(candidate)) {
        if (++links > MAX_LINKS) {
          throw new ContextException("resolving \"" + path + "\": too many levels of symbolic links");
        }
        String target;
        try {
          target = Files.readSymbolicLink(candidate).toString();
        } catch (IOException e) {
          throw new ContextException("resolving \"" + path + "\": reading symlink " + join(done, c) + ": "
              + e.getMessage(), e);
        }
        if (target.startsWith("/")) {
          done.clear();
        }
        List<String> parts = split(target);
        for (int i = parts.size() - 1; i >= 0; i--) {
          todo.addFirst(parts.get(i));
        }
        continue;
      }
      done.add(c);
    }
    return String.join("/", done);
  }

  /** Like {@link #resolve} but returns the absolute path under {@code root}. */
  public static Path resolvePath(Path root, String path, boolean followLast) throws ContextException {
    String rel = resolve(root, path, followLast);
    return rel.isEmpty() ? root : root.resolve(rel);
  }

  /** Whether {@code rel} names an existing entry under root without following its last component. */
  static boolean exists(Path root, String rel) {
    return Files.exists(rel.isEmpty() ? root : root.resolve(rel), LinkOption.NOFOLLOW_LINKS);
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String c : path.split("/")) {
      if (!c.isEmpty()) {
        parts.add(c);
      }
    }
    return parts;
  }

  private static String join(List<String> done, String c) {
    return done.isEmpty() ? c : String.join("/", done) + "/" + c;
  }
}
