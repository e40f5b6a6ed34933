package io.jbuild.builder.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BuildSummaryProperties {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d)?) (B|kB|MB|GB|TB|PB|EB)");
  private static final Map<String, Double> UNIT = Map.of("B", 1.0, "kB", 1e3, "MB", 1e6, "GB", 1e9, "TB", 1e12,
      "PB", 1e15, "EB", 1e18);

  @Test
  void theDocumentedLine() {
    assertEquals("total 12.3s, 5 steps (3 cached, 2 run), pushed 4.1 MB",
        BuildSummary.of(Duration.ofMillis(12_345), 3, 2, 4_100_000).line());
    assertEquals("total 0.0s, 1 step (0 cached, 1 run)", BuildSummary.of(Duration.ZERO, 0, 1, 0).line());
    assertEquals("total 1.0s, 3 steps (1 cached, 1 run, 1 failed)",
        new BuildSummary(Duration.ofSeconds(1), 1, 1, 1, 0, Map.of()).line());
  }

  @Test
  void sizesAtTheUnitBoundaries() {
    assertEquals("0 B", BuildSummary.bytes(0));
    assertEquals("999 B", BuildSummary.bytes(999));
    assertEquals("1.0 kB", BuildSummary.bytes(1000));
    assertEquals("1.0 MB", BuildSummary.bytes(999_950));
    assertEquals("999.9 kB", BuildSummary.bytes(999_949));
    assertEquals("9.2 EB", BuildSummary.bytes(Long.MAX_VALUE));
  }

  @Property
  void aPrintedSizeReadsBackWithinRounding(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n) {
    Matcher m = SIZE.matcher(BuildSummary.bytes(n));
    assertTrue(m.matches(), BuildSummary.bytes(n));
    double value = Double.parseDouble(m.group(1));
    double unit = UNIT.get(m.group(2));
    assertTrue(value < 1000, "never 1000 of a unit: " + m.group());
    assertTrue(Math.abs(value * unit - n) <= 0.05 * unit + 1e-9 * n, n + " printed as " + m.group());
  }

  @Property
  void sizesNeverShrinkAsBytesGrow(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long n,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long more) {
    assertTrue(parse(BuildSummary.bytes(n)) <= parse(BuildSummary.bytes(n + more)));
  }

  @Property
  void theLineCountsAddUp(@ForAll @IntRange(max = 10_000) int cached, @ForAll @IntRange(max = 10_000) int run,
      @ForAll @IntRange(max = 3) int failed) {
    BuildSummary s = new BuildSummary(Duration.ofMillis(cached), cached, run, failed, 0, Map.of());
    Matcher m = Pattern.compile("total \\d+\\.\\ds, (\\d+) steps? \\((\\d+) cached, (\\d+) run(?:, (\\d+) failed)?\\)")
        .matcher(s.line());
    assertTrue(m.matches(), s.line());
    assertEquals(cached + run + failed, Integer.parseInt(m.group(1)));
    assertEquals(cached, Integer.parseInt(m.group(2)));
    assertEquals(run, Integer.parseInt(m.group(3)));
    assertEquals(failed, m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
  }

  private static double parse(String size) {
    Matcher m = SIZE.matcher(size);
    assertTrue(m.matches(), size);
    return Double.parseDouble(m.group(1)) * UNIT.get(m.group(2));
  }
}
