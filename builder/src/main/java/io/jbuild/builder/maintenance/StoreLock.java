package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * The reader/writer lock of a whole store, on the file {@code $JBUILD_HOME/lock}: builds hold it
 * {@link #shared}, so any number run at once; maintenance that deletes content ({@code prune},
 * {@code cache verify --repair}) holds it {@link #exclusive}, so it never deletes a blob a running
 * build is about to reference. Works between processes (a POSIX record lock through
 * {@link FileChannel#lock}) and between threads of one process (an in-process {@link StampedLock}
 * first, since file locks belong to the process). A crashed holder's lock is released by the kernel.
 */
public final class StoreLock {
  private static final ConcurrentHashMap<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 50;

  private final Path file;
  private final StampedLock local = new StampedLock();
  private int sharers;
  private FileChannel sharedChannel;
  private FileLock sharedLock;

  private StoreLock(Path file) {
    this.file = file;
  }

  /** A held lock; closing releases it (idempotent). */
  public interface Held extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /** The lock of {@code home}; one instance per lock file in this process. */
  public static StoreLock of(JbuildHome home) {
    return LOCKS.computeIfAbsent(home.root().resolve("lock"), StoreLock::new);
  }

  /** Blocks until the store may be used alongside other builds; for the duration of one build. */
  public Held shared() throws IOException {
    long stamp = local.readLock();
    try {
      synchronized (this) {
        if (sharers == 0) {
          FileChannel ch = open();
          try {
            sharedLock = ch.lock(0, Long.MAX_VALUE, true);
          } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
          }
          sharedChannel = ch;
        }
        sharers++;
      }
    } catch (IOException | RuntimeException e) {
      local.unlockRead(stamp);
      throw new IOException("locking store " + file.getParent() + " for a build: " + e.getMessage(), e);
    }
    return new Once(() -> {
      try {
        synchronized (this) {
          if (--sharers == 0) {
            FileChannel ch = sharedChannel;
            sharedChannel = null;
            sharedLock = null;
            ch.close();
          }
        }
      } finally {
        local.unlockRead(stamp);
      }
    });
  }

  /**
   * Waits up to {@code timeout} until no build (in any process) holds the store, then holds it alone.
   * Throws {@link StoreBusyException} when the time runs out.
   */
  public Held exclusive(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long stamp;
    try {
      stamp = local.tryWriteLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("locking store " + file.getParent() + ": interrupted", e);
    }
    if (stamp == 0) {
      throw new StoreBusyException(file.getParent(), timeout);
    }
    FileChannel ch = null;
    try {
      ch = open();
      while (true) {
        FileLock lock = ch.tryLock();
        if (lock != null) {
          FileChannel held = ch;
          return new Once(() -> {
            try {
              held.close();
            } finally {
              local.unlockWrite(stamp);
            }
          });
        }
        if (System.nanoTime() >= deadline) {
          throw new StoreBusyException(file.getParent(), timeout);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(ch);
      local.unlockWrite(stamp);
      throw new IOException("locking store " + file.getParent() + ": interrupted", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      local.unlockWrite(stamp);
      throw e;
    }
  }

  private FileChannel open() throws IOException {
    Files.createDirectories(file.getParent());
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // releasing is all that matters, and closing releases
      }
    }
  }

  private interface Release {
    void run() throws IOException;
  }

  /** Releases at most once. */
  private static final class Once implements Held {
    private Release release;

    Once(Release release) {
      this.release = release;
    }

    @Override
    public synchronized void close() throws IOException {
      Release r = release;
      release = null;
      if (r != null) {
        r.run();
      }
    }
  }
}
