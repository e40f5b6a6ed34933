package io.jbuild.builder.maintenance;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as Docker's CLI reads and prints them (go-units): {@link #parse} is {@code RAMInBytes}
 * ({@code 512}, {@code 10GB}, {@code 1.5g}, {@code 100MiB}: binary multiples, case-insensitive);
 * {@link #human} is {@code HumanSize} (decimal units, four significant digits: {@code 1.5GB}).
 */
public final class Sizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private Sizes() {}

  /** Parses a size; throws {@link IllegalArgumentException} naming the text when it is not one. */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size: '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    int power = "kmgtp".indexOf(unit.isEmpty() ? 'x' : unit.charAt(0)) + 1;
    double bytes = value * Math.pow(1024, power);
    if (bytes >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("invalid size: '" + text + "' is too large");
    }
    return (long) bytes;
  }

  /** A human-readable size: {@code 0B}, {@code 999B}, {@code 1.5kB}, {@code 12.35MB}. */
  public static String human(long bytes) {
    double v = bytes;
    int i = 0;
    while (v >= 1000 && i < UNITS.length - 1) {
      v /= 1000;
      i++;
    }
    String digits = String.format(Locale.ROOT, "%.4g", v);
    if (digits.contains(".")) {
      digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return digits + UNITS[i];
  }
}
