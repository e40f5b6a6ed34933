package io.jbuild.oci.layout;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Read access to the files of a layout, a directory or a tar file, by relative name
 * ({@code index.json}, {@code blobs/sha256/<hex>}). Names are fixed strings or built from validated
 * digests; a directory's files must resolve (symlinks included) inside it.
 */
interface LayoutFiles extends Closeable {
  /** Opens a file; throws {@link NoSuchFileException} when absent. */
  InputStream open(String name) throws IOException;

  /** The file's size, or -1 when absent. */
  long size(String name) throws IOException;

  /** Where the layout is, for messages. */
  String where();

  static LayoutFiles of(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return new Dir(path.toRealPath());
    }
    if (Files.isRegularFile(path)) {
      return new Tar(path);
    }
    throw new NoSuchFileException(path.toString(), null, "no such oci layout directory or tar file");
  }

  /** A layout directory. */
  final class Dir implements LayoutFiles {
    private final Path root;

    Dir(Path root) {
      this.root = root;
    }

    private Path resolve(String name) throws IOException {
      Path p = root.resolve(name).normalize();
      if (!p.startsWith(root)) {
        throw new InvalidLayoutException(name + " is outside the layout " + root);
      }
      if (Files.exists(p) && !p.toRealPath().startsWith(root)) {
        throw new InvalidLayoutException(name + " resolves outside the layout " + root);
      }
      return p;
    }

    @Override
    public InputStream open(String name) throws IOException {
      Path p = resolve(name);
      if (!Files.isRegularFile(p)) {
        throw new NoSuchFileException(name);
      }
      return Files.newInputStream(p);
    }

    @Override
    public long size(String name) throws IOException {
      Path p = resolve(name);
      return Files.isRegularFile(p) ? Files.size(p) : -1;
    }

    @Override
    public String where() {
      return root.toString();
    }

    @Override
    public void close() {}
  }

  /** A layout tar (uncompressed), read with random access; entries may be prefixed by {@code ./}. */
  final class Tar implements LayoutFiles {
    private static final Pattern WANTED = Pattern.compile("oci-layout|index\\.json|blobs/[a-z0-9]+/[a-f0-9]+");
    private final Path file;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    Tar(Path file) throws IOException {
      this.file = file;
      try {
        this.tar = new TarFile(file);
      } catch (IOException | RuntimeException e) {
        throw new InvalidLayoutException("reading oci layout tar " + file + ": " + e.getMessage(), e);
      }
      for (TarArchiveEntry e : tar.getEntries()) {
        String name = e.getName();
        while (name.startsWith("./")) {
          name = name.substring(2);
        }
        if (e.isFile() && WANTED.matcher(name).matches()) {
          entries.put(name, e);
        }
      }
    }

    @Override
    public InputStream open(String name) throws IOException {
      TarArchiveEntry e = entries.get(name);
      if (e == null) {
        throw new NoSuchFileException(name);
      }
      return tar.getInputStream(e);
    }

    @Override
    public long size(String name) {
      TarArchiveEntry e = entries.get(name);
      return e == null ? -1 : e.getSize();
    }

    @Override
    public String where() {
      return file.toString();
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }
}
