package io.jbuild.builder.exec;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Go's {@code fmt} renderings that BuildKit bakes into history {@code created_by} strings:
 * {@code %q} of a string slice ({@code ["a" "b"]}), {@code %v} of a slice ({@code [a b]}) and
 * {@code time.Duration.String()} ({@code 1m30s}).
 */
public final class GoFormat {
  private GoFormat() {}

  /** {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
  public static String quotedList(List<String> values) {
    return values.stream().map(GoFormat::quote).collect(Collectors.joining(" ", "[", "]"));
  }

  /** {@code %v} of a {@code []string}: {@code [a b]}. */
  public static String plainList(List<String> values) {
    return String.join(" ", values).transform(s -> "[" + s + "]");
  }

  /** Go's {@code strconv.Quote} for the characters Dockerfiles contain. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 7 -> sb.append("\\a");
        case 8 -> sb.append("\\b");
        case 12 -> sb.append("\\f");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  /** Go's {@code time.Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 2m0s}, {@code 1h0m0s}, {@code 300ms}. */
  public static String duration(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    boolean neg = nanos < 0;
    long u = Math.abs(nanos);
    String out;
    if (u < 1_000_000_000L) {
      if (u < 1_000L) {
        out = u + "ns";
      } else if (u < 1_000_000L) {
        out = fraction(u, 1_000L) + "µs";
      } else {
        out = fraction(u, 1_000_000L) + "ms";
      }
    } else {
      long hours = u / 3_600_000_000_000L;
      long rem = u % 3_600_000_000_000L;
      long minutes = rem / 60_000_000_000L;
      long secNanos = rem % 60_000_000_000L;
      String secs = fraction(secNanos, 1_000_000_000L) + "s";
      if (hours > 0) {
        out = hours + "h" + minutes + "m" + secs;
      } else if (minutes > 0) {
        out = minutes + "m" + secs;
      } else {
        out = secs;
      }
    }
    return neg ? "-" + out : out;
  }

  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long frac = value % unit;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String digits = String.format("%0" + Long.toString(unit).length() + "d", frac).substring(1);
    digits = digits.replaceAll("0+$", "");
    return whole + "." + digits;
  }
}
