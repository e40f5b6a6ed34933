package io.jbuild.oci.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Extracts a layer (any compression {@link LayerReader#detect} knows) onto a directory, confined to it.
 *
 * <h2>Confinement (as BuildKit/containerd, stricter where they silently rewrite)</h2>
 * <ul>
 *   <li>Absolute names are taken relative to the root; a name whose {@code ..} would climb above the root is
 *       refused ({@code entry "../x": path escapes the root}).</li>
 *   <li>Symlinks met while resolving the directories of a name are followed inside the root only
 *       ({@link RootResolver}, like {@code securejoin}); the last component is never followed: an existing symlink
 *       there is replaced, never written through.</li>
 *   <li>Hard-link targets are resolved the same way and must already exist (from this layer or an earlier one) and
 *       not be directories.</li>
 *   <li>Whiteouts cannot name {@code .}, {@code ..} or an empty name; unknown {@code .wh..wh.*} metadata is skipped
 *       with a warning.</li>
 *   <li>Only the bytes actually present are written: a truncated entry is an error, GNU sparse entries are
 *       refused, and {@link Options#maxEntrySize} / {@link Options#maxTotalSize} bound what a layer may write.</li>
 * </ul>
 *
 * <h2>Metadata</h2>
 * Ownership (lchown; only when {@link Options#chown}), modes including setuid/setgid/sticky, xattrs (best effort:
 * {@code user.*} through Java, other namespaces through {@code setfattr}; failures become warnings), mtimes
 * (symlinks included; directories at the end, after their contents). Devices and fifos are created with
 * {@code mknod}/{@code mkfifo}; where that is not permitted they are skipped with a warning. An existing entry of
 * another type is replaced (a directory only by a non-directory, recursively); an existing directory is kept when
 * the layer has a directory there.
 *
 * <h2>Whiteouts</h2>
 * In {@link Mode#MERGE}, {@code .wh.name} deletes {@code name}; {@code .wh..wh..opq} deletes what lower layers put in
 * the directory but keeps what this layer put there, wherever the marker appears in the stream. In
 * {@link Mode#OVERLAY} (one layer into an empty directory, to be used as an overlayfs lower directory), a whiteout
 * becomes a {@code 0/0} character device and the opaque marker the {@code trusted.overlay.opaque=y} xattr.
 */
public final class LayerApplier {
  private LayerApplier() {}

  /** Where the layer goes. */
  public enum Mode {
    /** Onto a root filesystem holding the lower layers. */
    MERGE,
    /** Alone into an empty directory, whiteouts in overlayfs form. */
    OVERLAY
  }

  /**
   * How to apply.
   *
   * @param mode merge onto a rootfs, or build an overlay lower directory
   * @param label names the layer in error messages, e.g. its digest ({@code ""}: none)
   * @param chown whether to set owners (needs root; default: true when running as uid 0)
   * @param maxEntrySize largest file the layer may write
   * @param maxTotalSize most file bytes the layer may write in total
   */
  public record Options(Mode mode, String label, boolean chown, long maxEntrySize, long maxTotalSize) {
    public Options {
      Objects.requireNonNull(mode, "mode");
      label = label == null ? "" : label;
    }

    /** Merge mode, owners set when running as root, no size limits. */
    public static Options defaults() {
      return new Options(Mode.MERGE, "", isRoot(), Long.MAX_VALUE, Long.MAX_VALUE);
    }

    public Options withMode(Mode m) {
      return new Options(m, label, chown, maxEntrySize, maxTotalSize);
    }

    public Options withLabel(String l) {
      return new Options(mode, l, chown, maxEntrySize, maxTotalSize);
    }

    public Options withChown(boolean c) {
      return new Options(mode, label, c, maxEntrySize, maxTotalSize);
    }

    public Options withLimits(long entry, long total) {
      return new Options(mode, label, chown, entry, total);
    }
  }

  /**
   * What applying did.
   *
   * @param entries tar entries processed
   * @param bytes file content bytes written
   * @param warnings things skipped (device nodes, xattrs that could not be set), at most 100
   * @param opaqueDirectories the directories (relative to the root, {@code ""} for the root itself,
   *     symlinks resolved) that an opaque whiteout marked, in layer order
   */
  public record Result(long entries, long bytes, List<String> warnings, List<String> opaqueDirectories) {
    public Result {
      warnings = List.copyOf(warnings);
      opaqueDirectories = List.copyOf(opaqueDirectories);
    }

    /** A result without opaque directories. */
    public Result(long entries, long bytes, List<String> warnings) {
      this(entries, bytes, warnings, List.of());
    }
  }

  /**
   * Applies {@code layer} (compressed or not) onto {@code root}, which must exist.
   *
   * @throws LayerException for a layer that cannot be applied safely or correctly, naming the entry; entries
   *     before it have been applied
   */
  public static Result apply(InputStream layer, Path root, Options options) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new LayerException(prefix(options) + ": root " + root + " is not a directory", "", null);
    }
    Run run = new Run(root.toRealPath(), options);
    TarReader tar;
    try {
      tar = new TarReader(LayerReader.decompress(layer));
    } catch (IOException e) {
      throw new LayerException(prefix(options) + ": " + e.getMessage(), "", e);
    }
    while (true) {
      TarHeader h;
      try {
        h = tar.next();
      } catch (IOException e) {
        throw new LayerException(prefix(options) + ": " + e.getMessage(), "", e);
      }
      if (h == null) {
        break;
      }
      try {
        run.entry(h, tar.content());
      } catch (IOException | IllegalArgumentException e) {
        throw new LayerException(prefix(options) + ": entry \"" + h.name() + "\": "
            + describe(e, run.root), h.name(), e);
      }
    }
    run.finish();
    return new Result(run.entries, run.bytes, run.warnings, run.opaque);
  }

  private static String prefix(Options options) {
    return options.label().isEmpty() ? "applying layer" : "applying layer " + options.label();
  }

  private static String describe(Exception e, Path root) {
    if (e instanceof NoSuchFileException f) {
      return "no such file: " + relative(root, f.getFile());
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase() + ": " + relative(root, f.getFile());
    }
    return String.valueOf(e.getMessage());
  }

  private static String relative(Path root, String file) {
    if (file == null) {
      return "";
    }
    Path p = Path.of(file);
    return p.startsWith(root) ? "/" + root.relativize(p) : file;
  }

  static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The state of one application. */
  private static final class Run {
    final Path root;
    final Options options;
    final RootResolver resolver;
    final Set<Path> kept = new HashSet<>();
    final List<Map.Entry<Path, Instant>> directoryTimes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> opaque = new ArrayList<>();
    final byte[] buffer = new byte[128 * 1024];
    long entries;
    long bytes;

    Run(Path root, Options options) {
      this.root = root;
      this.options = options;
      this.resolver = new RootResolver(root);
    }

    void entry(TarHeader h, InputStream content) throws IOException {
      entries++;
      if (h.sparse()) {
        throw new IOException("sparse files are not supported");
      }
      List<String> parts = confine(h.name());
      if (parts.isEmpty()) {
        return; // the root itself ("./"): left as it is, as containerd does
      }
      String base = parts.get(parts.size() - 1);
      Path parent = resolver.resolve(parts.subList(0, parts.size() - 1));
      if (Whiteouts.isReserved(base)) {
        whiteout(parent, base);
        return;
      }
      Path target = parent.resolve(base);
      boolean directory = h.isDirectory();
      makeParents(parent);
      switch (directory ? '5' : h.isRegular() ? '0' : h.typeFlag()) {
        case '5' -> {
          replace(target, true);
          if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(target);
          }
        }
        case '0' -> {
          replace(target, false);
          writeFile(h, target, content);
        }
        case '2' -> {
          if (h.linkName().isEmpty()) {
            throw new IOException("symlink with an empty target");
          }
          replace(target, false);
          Files.createSymbolicLink(target, Path.of(h.linkName()));
        }
        case '1' -> {
          hardlink(h, target);
          keep(target);
          return; // shares the target's inode and metadata
        }
        case '3', '4', '6' -> {
          replace(target, false);
          char kind = h.typeFlag() == '3' ? 'c' : h.typeFlag() == '4' ? 'b' : 'p';
          try {
            NativeNodes.mknod(target, kind, (int) (h.mode() & 07777), h.devMajor(), h.devMinor());
          } catch (IOException e) {
            warn("entry \"" + h.name() + "\": skipped " + (kind == 'p' ? "fifo" : "device") + ": "
                + e.getMessage());
            return;
          }
        }
        default -> throw new IOException("unsupported tar entry type '" + h.typeFlag() + "'");
      }
      keep(target);
      metadata(h, target, directory);
    }

    /** Cleans a tar name into components, refusing any {@code ..} that climbs above the root. */
    List<String> confine(String name) throws IOException {
      if (name.indexOf('\0') >= 0) {
        throw new IOException("name contains NUL");
      }
      List<String> parts = new ArrayList<>();
      for (String p : name.split("/")) {
        if (p.isEmpty() || p.equals(".")) {
          continue;
        }
        if (p.equals("..")) {
          if (parts.isEmpty()) {
            throw new IOException("path escapes the root");
          }
          parts.remove(parts.size() - 1);
          continue;
        }
        parts.add(p);
      }
      return parts;
    }

    void whiteout(Path parent, String base) throws IOException {
      if (Whiteouts.isOpaque(base)) {
        makeParents(parent);
        opaque.add(root.relativize(parent).toString());
        if (options.mode() == Mode.OVERLAY) {
          if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(parent);
          }
          NativeNodes.setXattr(parent, "trusted.overlay.opaque", new byte[] {'y'});
        } else if (Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
          clearLower(parent);
        }
        return;
      }
      if (!Whiteouts.isWhiteout(base)) {
        warn("skipped unknown whiteout metadata \"" + base + "\"");
        return;
      }
      String name = Whiteouts.deletedName(base);
      if (name.isEmpty() || name.equals(".") || name.equals("..")) {
        throw new IOException("invalid whiteout \"" + base + "\": names " + (name.isEmpty() ? "nothing" : name));
      }
      Path target = parent.resolve(name);
      if (options.mode() == Mode.OVERLAY) {
        makeParents(parent);
        replace(target, false);
        NativeNodes.mknod(target, 'c', 0, 0, 0);
        keep(target);
      } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(target);
      }
    }

    /** Removes everything under {@code dir} that this layer did not create (recursing into kept directories). */
    void clearLower(Path dir) throws IOException {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(children::add);
      }
      for (Path child : children) {
        if (!kept.contains(child)) {
          deleteTree(child);
        } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          clearLower(child);
        }
      }
    }

    void keep(Path target) {
      for (Path p = target; p != null && !p.equals(root) && kept.add(p); p = p.getParent()) {
        // the path and its ancestors: an opaque marker later in the stream must keep them
      }
    }

    void makeParents(Path dir) throws IOException {
      if (dir.equals(root) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      makeParents(dir.getParent());
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("parent /" + root.relativize(dir) + " is not a directory");
      }
      Files.createDirectory(dir);
    }

    void replace(Path target, boolean keepDirectory) throws IOException {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return;
      }
      if (a.isDirectory() && keepDirectory) {
        return;
      }
      deleteTree(target);
    }

    void writeFile(TarHeader h, Path target, InputStream content) throws IOException {
      if (h.size() > options.maxEntrySize()) {
        throw new IOException("size " + h.size() + " exceeds the limit of " + options.maxEntrySize() + " bytes");
      }
      if (bytes + h.size() > options.maxTotalSize()) {
        throw new IOException("layer exceeds the limit of " + options.maxTotalSize() + " bytes");
      }
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS)) {
        int n;
        while ((n = content.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          bytes += n;
        }
      } catch (IOException e) {
        Files.deleteIfExists(target); // never leave a partial file behind
        throw e;
      }
    }

    void hardlink(TarHeader h, Path target) throws IOException {
      List<String> parts;
      try {
        parts = confine(h.linkName());
      } catch (IOException e) {
        throw new IOException("hardlink target \"" + h.linkName() + "\": " + e.getMessage());
      }
      if (parts.isEmpty()) {
        throw new IOException("hardlink to the root");
      }
      Path existing = resolver.resolve(parts.subList(0, parts.size() - 1)).resolve(parts.get(parts.size() - 1));
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(existing, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new IOException("hardlink target \"" + h.linkName() + "\" does not exist in the layer or below");
      }
      if (a.isDirectory()) {
        throw new IOException("hardlink target \"" + h.linkName() + "\" is a directory");
      }
      if (existing.equals(target)) {
        return;
      }
      replace(target, false);
      Files.createLink(target, existing);
    }

    void metadata(TarHeader h, Path target, boolean directory) throws IOException {
      boolean symlink = h.typeFlag() == '2';
      // Java opens a file to chmod it or set its times: never do that to a fifo (it would block) or a device
      boolean special = !directory && !h.isRegular() && !symlink;
      if (options.chown()) {
        Files.setAttribute(target, "unix:uid", (int) h.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(target, "unix:gid", (int) h.gid(), LinkOption.NOFOLLOW_LINKS);
      }
      if (special) {
        if ((h.mode() & 07000) != 0) { // mknod -m takes permission bits only
          NativeNodes.chmod(target, (int) (h.mode() & 07777));
        }
        NativeNodes.touch(target, h.mtime());
        return;
      }
      if (!symlink) {
        Files.setAttribute(target, "unix:mode", (int) (h.mode() & 07777), LinkOption.NOFOLLOW_LINKS);
        for (Map.Entry<String, byte[]> x : h.xattrs().entrySet()) {
          setXattr(h, target, x.getKey(), x.getValue());
        }
      }
      if (directory) {
        directoryTimes.add(Map.entry(target, h.mtime()));
      } else {
        setTime(target, h.mtime());
      }
    }

    void setXattr(TarHeader h, Path target, String name, byte[] value) {
      try {
        if (name.startsWith("user.")) {
          UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class,
              LinkOption.NOFOLLOW_LINKS);
          view.write(name.substring("user.".length()), ByteBuffer.wrap(value));
        } else {
          NativeNodes.setXattr(target, name, value);
        }
      } catch (IOException | UnsupportedOperationException e) {
        warn("entry \"" + h.name() + "\": xattr " + name + " not set: " + e.getMessage());
      }
    }

    void setTime(Path target, Instant mtime) throws IOException {
      FileTime t = FileTime.from(mtime);
      Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(t, t, null);
    }

    void finish() throws IOException {
      Collections.reverse(directoryTimes);
      for (Map.Entry<Path, Instant> d : directoryTimes) {
        if (Files.isDirectory(d.getKey(), LinkOption.NOFOLLOW_LINKS)) {
          setTime(d.getKey(), d.getValue());
        }
      }
    }

    void warn(String message) {
      if (warnings.size() < 100) {
        warnings.add(message);
      }
    }
  }

  /** Deletes a file, symlink or directory tree without following symlinks. */
  static void deleteTree(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
