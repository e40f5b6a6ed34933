package io.jbuild.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt {@code n} (1-based) waits a random time in
 * {@code [delay/2, delay]} where {@code delay = min(maxDelay, baseDelay * 2^(n-1))}, unless the server
 * asked for a specific {@code Retry-After} (capped at {@code maxDelay}).
 *
 * @param maxAttempts total attempts including the first (at least 1)
 * @param baseDelay delay before the second attempt
 * @param maxDelay upper bound of any single delay
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retry policy needs at least one attempt: " + maxAttempts);
    }
    if (baseDelay == null || maxDelay == null || baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry policy delays must be non-negative");
    }
  }

  /** Five attempts, starting at 200 ms, at most 10 s apart. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  /** No retry at all. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** The wait before attempt {@code attempt + 1}, given the server's {@code Retry-After} if any. */
  public Duration delayAfter(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    long base = baseDelay.toMillis();
    long delay = Math.min(maxDelay.toMillis(), base << Math.min(20, Math.max(0, attempt - 1)));
    if (delay <= 1) {
      return Duration.ofMillis(delay);
    }
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }
}
