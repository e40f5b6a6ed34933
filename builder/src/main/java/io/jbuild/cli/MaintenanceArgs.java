package io.jbuild.cli;

import io.jbuild.builder.maintenance.GoDuration;
import io.jbuild.builder.maintenance.Sizes;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters of the store maintenance commands (prune, cache verify, du): usage errors, exit 2. */
final class MaintenanceArgs {
  private MaintenanceArgs() {}

  /** {@code 10GB}, {@code 512MiB}, {@code 1048576}. */
  static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Sizes.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A Go duration: {@code 24h}, {@code 90m}, {@code 1h30m}. */
  static final class GoDur implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return GoDuration.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A prune filter; only {@code until=DURATION} is supported. */
  static final class Until implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      int eq = value.indexOf('=');
      String key = eq < 0 ? value : value.substring(0, eq);
      if (eq < 0 || !key.equals("until")) {
        throw new TypeConversionException("unsupported filter '" + value + "' (supported: until=DURATION)");
      }
      return new GoDur().convert(value.substring(eq + 1));
    }
  }
}
