package io.jbuild.runtime;

import io.jbuild.runtime.snapshot.DiffEntry;
import io.jbuild.runtime.snapshot.DiffParents;
import io.jbuild.runtime.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished {@code RUN} container: its exit code and, until {@link #close()}, its filesystem
 * changes. Close it once the layer is written: that unmounts the snapshot and deletes the bundle.
 */
public final class ExecutedStep implements AutoCloseable {
  private final int exitCode;
  private final Snapshot snapshot;
  private final Runnable cleanup;
  private List<DiffEntry> diff;
  private boolean closed;

  ExecutedStep(int exitCode, Snapshot snapshot, Runnable cleanup) {
    this.exitCode = exitCode;
    this.snapshot = snapshot;
    this.cleanup = cleanup;
  }

  /** The process's exit code; 128+N if it died of signal N. */
  public int exitCode() {
    return exitCode;
  }

  /** The rootfs as the step left it (still mounted until {@link #close()}). */
  public Path rootfs() {
    return snapshot.rootfs();
  }

  /**
   * The changes of the step in path order (computed once, on first call); the entries' {@link
   * DiffEntry#source()} files are readable until {@link #close()}.
   */
  public synchronized List<DiffEntry> diff() throws ContainerException {
    if (closed) {
      throw new IllegalStateException("diff of a closed step");
    }
    if (diff == null) {
      try {
        diff = snapshot.diff();
      } catch (IOException e) {
        throw new ContainerException("computing the diff of " + snapshot.upper(), e);
      }
    }
    return diff;
  }

  /**
   * {@link #diff()} plus the unchanged parent directories of its entries, read from the rootfs,
   * as BuildKit's layers carry them (see {@link DiffParents}).
   */
  public synchronized List<DiffEntry> diffWithParents() throws ContainerException {
    List<DiffEntry> d = diff();
    try {
      return DiffParents.include(d, snapshot.rootfs());
    } catch (IOException e) {
      throw new ContainerException("adding parent directories to the diff of " + snapshot.upper(), e);
    }
  }

  /** Unmounts the snapshot and deletes the step's directories. */
  @Override
  public synchronized void close() throws ContainerException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      snapshot.close();
    } catch (IOException e) {
      throw new ContainerException("cleaning up step", e);
    }
    cleanup.run();
  }
}
