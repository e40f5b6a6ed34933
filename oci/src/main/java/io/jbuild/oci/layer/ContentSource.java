package io.jbuild.oci.layer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of a regular file entry come from. {@link #open()} is called once per write, while the tar is
 * being produced, so contents are streamed and never held in memory by the writer.
 */
@FunctionalInterface
public interface ContentSource {
  /** Opens a fresh stream over the content; the caller closes it. */
  InputStream open() throws IOException;

  /** No bytes. */
  static ContentSource empty() {
    return () -> InputStream.nullInputStream();
  }

  /** The content of a file, read when the layer is written (symlinks are not followed by the caller's walk). */
  static ContentSource of(Path file) {
    return () -> Files.newInputStream(file);
  }

  /** A small in-memory content; the array is copied. */
  static ContentSource of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return () -> new ByteArrayInputStream(copy);
  }
}
