package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.GoQuote;
import io.jbuild.grammar.syntax.LineError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} (used for HEALTHCHECK intervals):
 * {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+} with units ns, us, µs, μs, ms, s, m, h, or a plain {@code 0}.
 */
final class GoDurations {
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDurations() {}

  /** @throws LineError with Go's message for malformed text or overflow */
  static Duration parse(String text) {
    LineError invalid = new LineError("time: invalid duration " + GoQuote.quote(text));
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid;
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
      }
      String whole = s.substring(start, i);
      String frac = "";
      if (i < s.length() && s.charAt(i) == '.') {
        int f = ++i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        frac = s.substring(f, i);
      }
      if (whole.isEmpty() && frac.isEmpty()) {
        throw invalid;
      }
      int u = i;
      while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      String unit = s.substring(u, i);
      if (unit.isEmpty()) {
        throw new LineError("time: missing unit in duration " + GoQuote.quote(text));
      }
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw new LineError("time: unknown unit " + GoQuote.quote(unit) + " in duration " + GoQuote.quote(text));
      }
      BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
      total = total.add(number.multiply(BigDecimal.valueOf(scale)));
      if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw invalid;
      }
    }
    long nanos = total.longValue();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }
}
