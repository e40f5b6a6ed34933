package io.jbuild.builder.maintenance;

import java.time.Duration;

/**
 * What {@link Pruner#prune} may remove.
 *
 * @param keepStorage stop once the home uses at most this many bytes (null: no size target)
 * @param until only remove cache entries, extracted layers and cache mounts last used longer ago
 *     than this (null: any age)
 * @param all drop every step cache entry and extracted layer (names and their blobs are kept)
 * @param cacheMounts also remove {@code RUN --mount=type=cache} directories
 * @param grace never remove a blob or extracted layer younger than this: a build that holds no lock
 *     may be about to reference it
 * @param tempAge temp items unused for this long are abandoned and removed
 * @param lockWait how long to wait for running builds to release the store
 */
public record PruneOptions(Long keepStorage, Duration until, boolean all, boolean cacheMounts, Duration grace,
    Duration tempAge, Duration lockWait) {

  public PruneOptions {
    if (keepStorage != null && keepStorage < 0) {
      throw new IllegalArgumentException("keep-storage must not be negative");
    }
    grace = grace == null ? Duration.ofMinutes(10) : grace;
    tempAge = tempAge == null ? Duration.ofHours(1) : tempAge;
    lockWait = lockWait == null ? Duration.ofMinutes(1) : lockWait;
  }

  /** Only unreferenced blobs (and abandoned temp items): plain {@code jbuild prune}. */
  public static PruneOptions unreferenced() {
    return new PruneOptions(null, null, false, false, null, null, null);
  }

  public PruneOptions withKeepStorage(Long bytes) {
    return new PruneOptions(bytes, until, all, cacheMounts, grace, tempAge, lockWait);
  }

  public PruneOptions withUntil(Duration age) {
    return new PruneOptions(keepStorage, age, all, cacheMounts, grace, tempAge, lockWait);
  }

  public PruneOptions withAll(boolean value) {
    return new PruneOptions(keepStorage, until, value, cacheMounts, grace, tempAge, lockWait);
  }

  public PruneOptions withCacheMounts(boolean value) {
    return new PruneOptions(keepStorage, until, all, value, grace, tempAge, lockWait);
  }

  public PruneOptions withGrace(Duration value) {
    return new PruneOptions(keepStorage, until, all, cacheMounts, value, tempAge, lockWait);
  }

  public PruneOptions withTempAge(Duration value) {
    return new PruneOptions(keepStorage, until, all, cacheMounts, grace, value, lockWait);
  }

  public PruneOptions withLockWait(Duration value) {
    return new PruneOptions(keepStorage, until, all, cacheMounts, grace, tempAge, value);
  }
}
