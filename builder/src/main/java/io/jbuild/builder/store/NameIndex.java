package io.jbuild.builder.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jbuild.oci.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The name index of the local store: one JSON file mapping normalised references
 * ({@code docker.io/library/x:latest}) to manifest descriptors. Every change holds an exclusive lock
 * on {@code index.lock} (between processes), re-reads the file, and replaces it atomically (temp file
 * + rename), so concurrent processes never lose an update and a crash never leaves a half-written
 * index.
 */
public final class NameIndex {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final TypeReference<TreeMap<String, Descriptor>> TYPE = new TypeReference<>() {};

  /** File locks are per process: threads of this process serialise on these first. */
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;

  public NameIndex(Path file) {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
  }

  /** All names, sorted. */
  public Map<String, Descriptor> list() throws IOException {
    return read();
  }

  /** The descriptor of a normalised name, or null. */
  public Descriptor get(String normalizedName) throws IOException {
    return read().get(normalizedName);
  }

  /** Names (or replaces) an image. */
  public void put(String normalizedName, Descriptor manifest) throws IOException {
    update(m -> {
      m.put(normalizedName, manifest);
      return m;
    });
  }

  /** Removes a name; returns the descriptor it had, or null when it was absent. */
  public Descriptor remove(String normalizedName) throws IOException {
    Descriptor[] removed = new Descriptor[1];
    update(m -> {
      removed[0] = m.remove(normalizedName);
      return m;
    });
    return removed[0];
  }

  private TreeMap<String, Descriptor> read() throws IOException {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return JSON.readValue(file.toFile(), TYPE);
    } catch (IOException e) {
      throw new IOException("reading image index " + file + ": " + e.getMessage(), e);
    }
  }

  private void update(UnaryOperator<TreeMap<String, Descriptor>> change) throws IOException {
    Files.createDirectories(file.getParent());
    ReentrantLock local = LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
    local.lock();
    try {
      updateLocked(change);
    } finally {
      local.unlock();
    }
  }

  private void updateLocked(UnaryOperator<TreeMap<String, Descriptor>> change) throws IOException {
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = ch.lock()) {
      TreeMap<String, Descriptor> next = change.apply(read());
      Path tmp = file.resolveSibling(".index-" + UUID.randomUUID() + ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), next);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
