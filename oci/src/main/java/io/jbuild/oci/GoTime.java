package io.jbuild.oci;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as Go's {@code time.Time} marshals them (RFC 3339 with nanoseconds, trailing zeros of the
 * fraction dropped, UTC written as {@code Z}); this is what BuildKit and Docker write into image configs.
 */
final class GoTime {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private GoTime() {}

  /** Formats an instant in UTC, e.g. {@code 2024-01-02T03:04:05.12Z}. */
  static String format(Instant instant) {
    OffsetDateTime t = instant.atOffset(ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }

  /** Parses an RFC 3339 timestamp with any offset; throws {@link IllegalArgumentException} naming the text. */
  static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid timestamp: " + text, e);
    }
  }
}
