package io.jbuild.builder.progress;

import java.util.Objects;

/**
 * Progress of one byte transfer: a layer pulled, a blob pushed or the build context read. {@code id}
 * names the transfer uniquely while it runs (a digest, or {@code "context"}); {@code label} is what a
 * person sees ({@code sha256:ab12cd34ef56}, {@code docker.io/library/alpine}); {@code bytes} is the
 * cumulative count so far (never a delta) and {@code total} the expected size, or {@code -1} when unknown.
 *
 * <p>Emitters call {@link #sendTo(ProgressListener)}: listeners that can draw transfers (every
 * {@link ProgressView}) receive it, any other listener ignores it. A transfer is one {@link Status#STARTED},
 * any number of {@link Status#PROGRESS} and one {@link Status#DONE} or {@link Status#SKIPPED}; a restarted
 * transfer sends {@code STARTED} again with {@code bytes} back to zero.
 */
public record TransferEvent(Kind kind, String id, String label, Status status, long bytes, long total) {

  /** What is being transferred. */
  public enum Kind {
    /** A blob downloaded from a registry. */
    PULL,
    /** A blob uploaded to a registry. */
    PUSH,
    /** The build context read (and hashed) from disk. */
    CONTEXT;

    /** The lower-case name used on screen and in {@code rawjson}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Where the transfer is. */
  public enum Status { STARTED, PROGRESS, DONE, SKIPPED }

  public TransferEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    label = label == null || label.isEmpty() ? id : label;
    if (bytes < 0) {
      throw new IllegalArgumentException("transfer " + id + ": negative byte count " + bytes);
    }
    if (total < -1) {
      throw new IllegalArgumentException("transfer " + id + ": invalid total " + total);
    }
  }

  /** Whether this event ends its transfer. */
  public boolean finished() {
    return status == Status.DONE || status == Status.SKIPPED;
  }

  /** Delivers this event to {@code listener} if it draws transfers; otherwise does nothing. */
  public void sendTo(ProgressListener listener) {
    if (listener instanceof ProgressView) {
      ((ProgressView) listener).onTransfer(this);
    }
  }
}
