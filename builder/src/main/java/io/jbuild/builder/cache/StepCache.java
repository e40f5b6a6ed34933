package io.jbuild.builder.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.builder.state.ImageState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Step cache entries: {@code DIR/<key hex>} holds the JSON of the {@link ImageState} a step produced
 * (its config, history and layer descriptors; the layer blobs live in the blob store). Entries are
 * written to a temp file and renamed atomically, so a crash never leaves an entry a later build
 * trusts; an unreadable entry, or one whose blobs are missing from the store, is a miss. A hit sets
 * the entry's mtime to now, so pruning can drop the least recently used entries first.
 */
public final class StepCache {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;

  public StepCache(Path dir) {
    this.dir = dir;
  }

  /** The state stored under {@code key} if present, readable, and all its blobs pass {@code available}. */
  public Optional<ImageState> get(CacheKey key, Predicate<ImageState> available) {
    Path file = dir.resolve(key.hex());
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      ImageState state = JSON.readValue(file.toFile(), ImageState.class);
      if (!available.test(state)) {
        return Optional.empty();
      }
      touch(file);
      return Optional.of(state);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Marks an entry as used now (its mtime), for least-recently-used pruning. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    } catch (IOException ignored) {
      // a read-only home still builds; pruning order is then only approximate
    }
  }

  /** Stores the state a step produced under its key (atomically; last writer wins). */
  public void put(CacheKey key, ImageState state) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + key.hex() + "-" + UUID.randomUUID() + ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, dir.resolve(key.hex()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
