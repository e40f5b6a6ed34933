package io.jbuild.builder.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void goSyntax() {
    assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1.5h"));
    assertEquals(Duration.ofDays(7), Durations.parse("7d"));
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ZERO, Durations.parse("0"));
    for (String bad : new String[] {"", "10", "1x", "h", "1h 30m", "-1h", "1hh"}) {
      assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
    }
  }

  @Property
  void hoursMinutesSecondsAddUp(@ForAll @IntRange(max = 1000) int h, @ForAll @IntRange(max = 59) int m,
      @ForAll @IntRange(max = 59) int s) {
    assertEquals(Duration.ofHours(h).plusMinutes(m).plusSeconds(s), Durations.parse(h + "h" + m + "m" + s + "s"));
  }
}
