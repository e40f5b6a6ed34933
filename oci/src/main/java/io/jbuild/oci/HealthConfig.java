package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;

/**
 * Docker's {@code Healthcheck} of an image config (written by HEALTHCHECK). {@code test} is
 * {@code ["NONE"]} (disabled), {@code ["CMD", args...]} or {@code ["CMD-SHELL", command]}. Durations
 * travel as integer nanoseconds; zero durations and zero retries mean "inherit the default" and are
 * omitted from JSON, as Docker omits them. Nulls become empty lists and zero durations.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HealthConfig(
    @JsonProperty("Test") List<String> test,
    @JsonProperty("Interval")
        @JsonSerialize(using = JsonCodecs.NanosSerializer.class)
        @JsonDeserialize(using = JsonCodecs.NanosDeserializer.class)
        Duration interval,
    @JsonProperty("Timeout")
        @JsonSerialize(using = JsonCodecs.NanosSerializer.class)
        @JsonDeserialize(using = JsonCodecs.NanosDeserializer.class)
        Duration timeout,
    @JsonProperty("StartPeriod")
        @JsonSerialize(using = JsonCodecs.NanosSerializer.class)
        @JsonDeserialize(using = JsonCodecs.NanosDeserializer.class)
        Duration startPeriod,
    @JsonProperty("StartInterval")
        @JsonSerialize(using = JsonCodecs.NanosSerializer.class)
        @JsonDeserialize(using = JsonCodecs.NanosDeserializer.class)
        Duration startInterval,
    @JsonProperty("Retries") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int retries) {

  public HealthConfig {
    test = test == null ? List.of() : List.copyOf(test);
    interval = interval == null ? Duration.ZERO : interval;
    timeout = timeout == null ? Duration.ZERO : timeout;
    startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
    startInterval = startInterval == null ? Duration.ZERO : startInterval;
    if (retries < 0) {
      throw new IllegalArgumentException("invalid healthcheck: negative retries " + retries);
    }
  }

  /** The {@code HEALTHCHECK NONE} value: {@code Test: ["NONE"]}. */
  public static HealthConfig none() {
    return of(List.of("NONE"));
  }

  /** A health check with the given test and all timings inherited. */
  public static HealthConfig of(List<String> test) {
    return new HealthConfig(test, null, null, null, null, 0);
  }

  public HealthConfig withTest(List<String> value) {
    return new HealthConfig(value, interval, timeout, startPeriod, startInterval, retries);
  }

  public HealthConfig withInterval(Duration value) {
    return new HealthConfig(test, value, timeout, startPeriod, startInterval, retries);
  }

  public HealthConfig withTimeout(Duration value) {
    return new HealthConfig(test, interval, value, startPeriod, startInterval, retries);
  }

  public HealthConfig withStartPeriod(Duration value) {
    return new HealthConfig(test, interval, timeout, value, startInterval, retries);
  }

  public HealthConfig withStartInterval(Duration value) {
    return new HealthConfig(test, interval, timeout, startPeriod, value, retries);
  }

  public HealthConfig withRetries(int value) {
    return new HealthConfig(test, interval, timeout, startPeriod, startInterval, value);
  }
}
