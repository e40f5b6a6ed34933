package io.jbuild.builder.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A read-only tree that COPY/ADD take sources from: the build context (read through its
 * {@code .dockerignore}) or another stage's / image's root file system ({@code COPY --from}).
 * Every path handed out is confined to {@link #root()}.
 */
public interface SourceTree {
  /** The root directory on disk. */
  Path root();

  /** The paths that are invisible in this tree (never {@code null}). */
  IgnoreRules ignore();

  /**
   * Whether entries read from this tree are owned by root ({@code 0:0}) in a COPY without
   * {@code --chown}: true for the build context (as BuildKit's local source), false for stage
   * and image trees, whose ownership is preserved.
   */
  boolean rootOwned();

  /** The content hasher used for this tree's files. */
  ContentHasher hasher();

  /** A short human name for error messages, e.g. {@code build context} or {@code stage "build"}. */
  String description();

  /**
   * Resolves a source path inside the tree. A path that lexically climbs out of the root
   * ({@code ../x}) is an error; symlinks met on the way are resolved inside the root.
   *
   * @param path the path as written (leading {@code /} is relative to the root)
   * @param followLast whether a symlink in the last component is followed
   * @return the cleaned relative path of the resolved entry ({@code ""} is the root)
   * @throws ContextException {@code copy source "../x" is outside the build context}
   */
  default String resolve(String path, boolean followLast) throws ContextException {
    if (ScopedPath.escapes(path)) {
      throw new ContextException("copy source \"" + path + "\" is outside the " + description());
    }
    return ScopedPath.resolve(root(), path, followLast);
  }

  /** The file on disk for a relative path returned by {@link #resolve} or {@link #walk}. */
  default Path file(String rel) {
    return rel.isEmpty() ? root() : root().resolve(rel);
  }

  /**
   * Lists the entry at {@code start} and, if it is a directory, everything below it that is not
   * excluded, parents before children, siblings in byte order of their names. Symlinks are listed,
   * never followed. An excluded directory is pruned unless a {@code !} pattern may re-include
   * something below it, in which case it is listed only if something below it is.
   *
   * @param start a resolved relative path ({@code ""} for the root)
   * @throws ContextException if the tree cannot be read
   */
  default List<TreeEntry> walk(String start) throws ContextException {
    List<TreeEntry> out = new ArrayList<>();
    try {
      Path file = file(start);
      FileMeta meta = FileMeta.read(file);
      out.add(new TreeEntry(start, file, meta));
      if (meta.isDirectory()) {
        walkChildren(start, out);
      }
    } catch (IOException e) {
      throw new ContextException("reading " + description() + " at \"" + start + "\": " + e.getMessage(), e);
    }
    return out;
  }

  private void walkChildren(String dir, List<TreeEntry> out) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(file(dir))) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(ByteOrder.NAMES);
    IgnoreRules rules = ignore();
    for (String name : names) {
      String rel = dir.isEmpty() ? name : dir + "/" + name;
      Path file = file(rel);
      FileMeta meta = FileMeta.read(file);
      boolean excluded = rules.excluded(rel);
      if (!excluded) {
        out.add(new TreeEntry(rel, file, meta));
        if (meta.isDirectory()) {
          walkChildren(rel, out);
        }
      } else if (meta.isDirectory() && rules.mayReinclude(rel)) {
        int mark = out.size();
        out.add(new TreeEntry(rel, file, meta));
        walkChildren(rel, out);
        if (out.size() == mark + 1) {
          out.remove(mark);
        }
      }
    }
  }

  /**
   * A plain directory tree (another stage's root file system or an extracted image), nothing
   * excluded, ownership preserved.
   *
   * @param root the directory
   * @param hasher content hasher (e.g. {@link ContentHasher#direct()})
   * @param description e.g. {@code stage "build"}
   */
  static SourceTree ofDirectory(Path root, ContentHasher hasher, String description) {
    return new DirectoryTree(root, hasher, description);
  }
}
