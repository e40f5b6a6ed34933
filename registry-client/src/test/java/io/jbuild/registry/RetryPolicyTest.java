package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Property
  void delaysGrowExponentiallyWithJitterAndStayBounded(@ForAll @IntRange(min = 1, max = 40) int attempt) {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));
    long cap = Math.min(5000, 100L << Math.min(20, attempt - 1));
    long d = p.delayAfter(attempt, null).toMillis();
    assertTrue(d >= cap / 2 && d <= cap, attempt + " -> " + d);
  }

  @Test
  void retryAfterWinsButIsCapped() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));
    assertEquals(Duration.ofSeconds(2), p.delayAfter(1, Duration.ofSeconds(2)));
    assertEquals(Duration.ofSeconds(5), p.delayAfter(1, Duration.ofSeconds(60)));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
  }
}
