package io.jbuild.builder.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes the SHA-256 of regular files' contents, streaming. Implementations may cache by
 * file metadata ({@link StatCache}) but must never return a digest for content that changed.
 */
public interface ContentHasher {
  /**
   * @param file a regular file
   * @param meta its metadata as just read by {@link FileMeta#read}
   * @return the lower-case hex SHA-256 of its content
   * @throws IOException if the file cannot be read
   */
  String sha256(Path file, FileMeta meta) throws IOException;

  /**
   * Hashes many files on a small thread pool (one thread per core, at most 4); results are in
   * the order of {@code files}.
   *
   * @throws IOException the first failure, naming the file
   */
  default List<String> sha256All(List<TreeEntry> files) throws IOException {
    String[] out = new String[files.size()];
    List<Integer> misses = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      TreeEntry f = files.get(i);
      out[i] = known(f.file(), f.meta());
      if (out[i] == null) {
        misses.add(i);
      }
    }
    if (misses.size() < 8) {
      for (int i : misses) {
        out[i] = sha256(files.get(i).file(), files.get(i).meta());
      }
      return List.of(out);
    }
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "jbuild-hash");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i : misses) {
        TreeEntry f = files.get(i);
        futures.add(pool.submit(() -> sha256(f.file(), f.meta())));
      }
      for (int k = 0; k < misses.size(); k++) {
        out[misses.get(k)] = futures.get(k).get();
      }
      return List.of(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("hashing interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("hashing: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The digest of {@code file} when it is known without reading the file (a trusted cache entry),
   * else null. {@link #sha256All} asks this first and hashes only the rest on its pool.
   */
  default String known(Path file, FileMeta meta) {
    return null;
  }

  /** A hasher that always reads the file. */
  static ContentHasher direct() {
    return (file, meta) -> hashFile(file);
  }

  /** Streams a file through SHA-256 (a 64 KiB buffer per thread: contexts have many small files). */
  static String hashFile(Path file) throws IOException {
    MessageDigest md = io.jbuild.oci.Digest.newSha256();
    byte[] buf = Buffers.BUFFER.get();
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new IOException("reading " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The per-thread read buffer of {@link #hashFile}. */
  final class Buffers {
    static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[65536]);

    private Buffers() {}
  }
}
