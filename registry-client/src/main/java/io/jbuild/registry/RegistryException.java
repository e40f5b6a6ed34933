package io.jbuild.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * A registry operation failed. Carries the registry's spec error code (distribution-spec
 * "error codes": {@code DENIED}, {@code MANIFEST_UNKNOWN}, ...) when the server sent one, the HTTP
 * status when there was a response (0 otherwise), and a lower-case context chain as message:
 * {@code pushing localhost:5000/app:1: DENIED: requested access to the resource is denied}.
 * Messages never contain credentials or tokens.
 */
public final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final boolean retryable;
  private final transient Duration retryAfter;

  public RegistryException(String message, String code, int status, boolean retryable,
      Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** A non-retryable failure without registry code or status. */
  public RegistryException(String message, Throwable cause) {
    this(message, null, 0, false, null, cause);
  }

  /** A non-retryable failure without registry code or status. */
  public RegistryException(String message) {
    this(message, null, 0, false, null, null);
  }

  /** The same failure with {@code context + ": "} prefixed to the message. */
  public RegistryException withContext(String context) {
    RegistryException e = new RegistryException(context + ": " + getMessage(), code, status, retryable,
        retryAfter, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** The registry's error code ({@code DENIED}, {@code BLOB_UNKNOWN}, ...), if it sent one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The HTTP status of the failing response, or 0 when none was received. */
  public int status() {
    return status;
  }

  /** True for failures a later attempt may not see (connection errors, 5xx, 429). */
  public boolean retryable() {
    return retryable;
  }

  /** The delay the server asked for with {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
