package io.jbuild.registry;

import io.jbuild.oci.Descriptor;

/**
 * Progress of blob transfers, for drawing progress bars and counting traffic. Called from transfer
 * threads, possibly concurrently for different blobs; implementations must be thread-safe and quick.
 */
public interface TransferListener {
  /** Does nothing. */
  TransferListener NONE = new TransferListener() {};

  /** Why a blob was not transferred. */
  enum Skip {
    /** The destination already had it (local store on pull, registry on push). */
    EXISTS,
    /** Pushed by cross-repository mount: no bytes sent. */
    MOUNTED
  }

  /** A transfer of {@code blob} starts (or restarts after a failure). */
  default void started(Descriptor blob) {}

  /** {@code bytes} more bytes of {@code blob} were sent or received. */
  default void transferred(Descriptor blob, long bytes) {}

  /** The blob was not transferred at all. */
  default void skipped(Descriptor blob, Skip reason) {}

  /** The blob was transferred completely and verified. */
  default void completed(Descriptor blob) {}
}
