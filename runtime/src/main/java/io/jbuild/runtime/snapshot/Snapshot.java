package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A writable rootfs over some layers, and what changed in it. Always {@link #close()} it. */
public interface Snapshot extends AutoCloseable {
  /** The directory to use as the container's rootfs. */
  Path rootfs();

  /**
   * The directory that holds the changes: the overlay upper directory, or for the copy
   * snapshotter the rootfs copy itself.
   */
  Path upper();

  /**
   * What changed since {@link Snapshotter#prepare}, in path order (a directory before its
   * entries), hardlinks pointing at earlier entries. Call it after the container has exited; the
   * entries' {@link DiffEntry#source()} paths are readable until {@link #close()}.
   */
  List<DiffEntry> diff() throws IOException;

  /** Unmounts everything and deletes the work directory; safe to call twice. */
  @Override
  void close() throws IOException;
}
