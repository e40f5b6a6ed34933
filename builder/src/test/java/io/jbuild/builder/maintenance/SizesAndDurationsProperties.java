package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The size and duration syntaxes of prune and du, against go-units and Go's time.ParseDuration. */
class SizesAndDurationsProperties {

  @Property
  void unitsAreBinaryMultiples(@ForAll @LongRange(min = 0, max = 1 << 20) long n) {
    assertEquals(n, Sizes.parse(Long.toString(n)));
    assertEquals(n, Sizes.parse(n + "b"));
    assertEquals(n * 1024, Sizes.parse(n + "k"));
    assertEquals(n * 1024, Sizes.parse(n + "KB"));
    assertEquals(n * 1024 * 1024, Sizes.parse(n + "MiB"));
    assertEquals(n * 1024 * 1024 * 1024, Sizes.parse(n + "GB"));
    assertEquals(n * 1024 * 1024 * 1024, Sizes.parse(n + " g"));
  }

  @Property
  void humanSizesHaveFourSignificantDigitsAndDecimalUnits(@ForAll @LongRange(min = 0) long n) {
    String h = Sizes.human(n);
    String number = h.replaceAll("[a-zA-Z]+$", "");
    String unit = h.substring(number.length());
    int power = java.util.List.of("B", "kB", "MB", "GB", "TB", "PB", "EB").indexOf(unit);
    double back = Double.parseDouble(number) * Math.pow(1000, power);
    assertEquals(n, back, Math.max(0.5, n * 0.0006), h);
  }

  @Example
  void humanExamples() {
    assertEquals("0B", Sizes.human(0));
    assertEquals("999B", Sizes.human(999));
    assertEquals("1kB", Sizes.human(1000));
    assertEquals("1.5GB", Sizes.human(1_500_000_000L));
    assertEquals("12.35MB", Sizes.human(12_345_678));
  }

  @Example
  void badSizesAreRejectedWithTheText() {
    for (String bad : new String[] {"", "GB", "-1", "10XB", "1.2.3", "ten"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad));
      assertEquals(true, e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Property
  void goDurationsAddTheirParts(@ForAll @IntRange(max = 1000) int h, @ForAll @IntRange(max = 59) int m,
      @ForAll @IntRange(max = 59) int s, @ForAll @IntRange(max = 999) int ms) {
    Duration expected = Duration.ofHours(h).plusMinutes(m).plusSeconds(s).plusMillis(ms);
    assertEquals(expected, GoDuration.parse(h + "h" + m + "m" + s + "s" + ms + "ms"));
    assertEquals(Duration.ofSeconds(s).plusMinutes(m), GoDuration.parse(s + "s" + m + "m"));
  }

  @Example
  void goDurationExamples() {
    assertEquals(Duration.ofHours(24), GoDuration.parse("24h"));
    assertEquals(Duration.ofMinutes(90), GoDuration.parse("1.5h"));
    assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
    assertEquals(Duration.ofNanos(1500), GoDuration.parse("1.5us"));
    assertEquals(Duration.ZERO, GoDuration.parse("0"));
    for (String bad : new String[] {"", "24", "h", "1d", "-1h", "1h ", "1.h2"}) {
      assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(bad), bad);
    }
  }
}
