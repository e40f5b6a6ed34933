package io.jbuild.builder.maintenance;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One removable thing in a store: its kind, path (inside the home), size in bytes (a tree's regular
 * files, hard links counted once) and when it was last used (a file's mtime; a directory's later of
 * mtime and ctime, as renaming into place or a touch moves ctime; for temp trees also anything inside).
 */
public record StoreItem(Kind kind, Path path, long size, Instant lastUsed) {

  /** The kinds of removable things, in the layout of {@link io.jbuild.builder.store.JbuildHome}. */
  public enum Kind {
    /** {@code blobs/sha256/<hex>}. */
    BLOB,
    /** {@code cache/<key hex>}: a step cache entry. */
    CACHE_ENTRY,
    /** {@code layers/<diffid hex>/}: an extracted layer, complete (it was renamed into place). */
    LAYER,
    /** {@code cachemounts/<sha256(id)>/}: a {@code RUN --mount=type=cache} directory. */
    CACHE_MOUNT,
    /** An in-flight or abandoned temp file or directory (ingest, half-extracted layer, build scratch). */
    TEMP
  }
}
