package io.jbuild.builder.warm;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.ParseDuration} syntax for {@code --cache-ttl} (and {@code until=} filters): a
 * sequence of decimal numbers with units {@code ns us µs ms s m h}, plus {@code d} (24h) as Docker's
 * filters accept it, e.g. {@code 90s}, {@code 1h30m}, {@code 1.5h}, {@code 7d}; a bare {@code 0} is zero.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");

  private Durations() {}

  /** Parses {@code text}; the message of the exception says what is wrong. */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"\"");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(text);
    int at = 0;
    double nanos = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\" (expected e.g. 30m, 1h30m, 7d)");
      }
      double n = Double.parseDouble(m.group(1));
      nanos += n * switch (m.group(2)) {
        case "ns" -> 1d;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        case "h" -> 3600e9;
        default -> 86400e9;
      };
      at = m.end();
    }
    return Duration.ofNanos((long) nanos);
  }
}
