package io.jbuild.builder.warm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jbuild.oci.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * When each tag was last resolved against its registry, {@code $JBUILD_HOME/warm/resolved.json}:
 * normalised reference to the time and the digest the tag pointed to (an index's digest for
 * multi-platform images). Updates hold an exclusive lock on {@code resolved.json.lock} and replace the
 * file atomically, so concurrent {@code warm} runs and builds never see a half-written file; an
 * unreadable file counts as empty (every tag is resolved again).
 */
public final class ResolvedTags {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final TypeReference<TreeMap<String, Entry>> TYPE = new TypeReference<>() {};
  private static final Object LOCK = new Object();

  /** One resolution: when, and the digest the tag named. */
  public record Entry(String resolvedAt, String digest) {
    /** The resolution time. */
    public Instant at() {
      return Instant.parse(resolvedAt);
    }

    public Digest parsedDigest() {
      return Digest.parse(digest);
    }
  }

  private final Path file;

  public ResolvedTags(Path file) {
    this.file = file;
  }

  /** The last resolution of {@code normalizedRef}, if any. */
  public Optional<Entry> get(String normalizedRef) {
    try {
      return Optional.ofNullable(read().get(normalizedRef));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Records that {@code normalizedRef} pointed to {@code digest} at {@code at}. */
  public void put(String normalizedRef, Digest digest, Instant at) throws IOException {
    Files.createDirectories(file.getParent());
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    synchronized (LOCK) {
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = ch.lock()) {
        TreeMap<String, Entry> all;
        try {
          all = read();
        } catch (IOException | RuntimeException e) {
          all = new TreeMap<>();
        }
        all.put(normalizedRef, new Entry(at.toString(), digest.toString()));
        Path tmp = file.resolveSibling("." + file.getFileName() + "-" + UUID.randomUUID() + ".tmp");
        try {
          JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }

  private TreeMap<String, Entry> read() throws IOException {
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    return JSON.readValue(file.toFile(), TYPE);
  }
}
