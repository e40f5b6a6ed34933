package io.jbuild.runtime.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Persistent {@code RUN --mount=type=cache} directories under a cache root. A cache id maps to
 * {@code <root>/<sha256(id)>}, so no id can escape the root; the directory is created on first
 * use with the requested owner and mode (BuildKit's defaults: 0:0, 0755).
 */
public final class CacheDirs {
  private CacheDirs() {}

  /** The directory of cache {@code id} under {@code cacheRoot}, without creating it. */
  public static Path pathOf(Path cacheRoot, String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return cacheRoot.resolve(HexFormat.of().formatHex(d));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("sha-256 unavailable", e);
    }
  }

  /** Returns the directory of cache {@code id}, creating it owned by uid:gid with {@code mode}. */
  public static Path ensure(Path cacheRoot, String id, long uid, long gid, int mode) throws IOException {
    Path dir = pathOf(cacheRoot, id);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(cacheRoot);
      Path tmp = Files.createTempDirectory(cacheRoot, ".new");
      Files.setAttribute(tmp, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(tmp, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(tmp, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
      try {
        Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          throw e;
        }
      }
    }
    return dir;
  }

  /**
   * Takes an exclusive lock for {@code sharing=locked} cache mounts: blocks until no other holder
   * (thread or process) has the cache of {@code id}; close the result to release it.
   */
  public static AutoCloseable lock(Path cacheRoot, String id) throws IOException {
    Files.createDirectories(cacheRoot);
    Path lockFile = cacheRoot.resolve(pathOf(cacheRoot, id).getFileName() + ".lock");
    java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    // a FileLock is held per process: threads of this JVM queue on an in-process lock first
    java.util.concurrent.Semaphore local =
        LOCKS.computeIfAbsent(lockFile.toAbsolutePath().toString(), k -> new java.util.concurrent.Semaphore(1));
    local.acquireUninterruptibly();
    java.nio.channels.FileLock fl;
    try {
      fl = ch.lock();
    } catch (IOException | RuntimeException e) {
      local.release();
      ch.close();
      throw e;
    }
    return () -> {
      try {
        fl.release();
        ch.close();
      } finally {
        local.release();
      }
    };
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.Semaphore> LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();
}
