package io.jbuild.grammar.instruction;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code RUN --mount=...} flag. Like BuildKit at parse time, only the CSV structure and the
 * {@code from} field (which must not use variables) are checked here; the other values may hold
 * variables and are validated by the builder after expansion.
 *
 * @param raw     the flag value as written ({@code type=cache,target=/root/.cache})
 * @param options the CSV fields in order; keys lower-cased, value null for bare keys such as {@code ro}
 */
public record Mount(String raw, List<Option> options) {
  /**
   * One CSV field.
   *
   * @param key   lower-cased key
   * @param value the raw value, or null when the field had no {@code =}
   */
  public record Option(String key, String value) {
    /** Checks the key. */
    public Option {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Copies the list. */
  public Mount {
    Objects.requireNonNull(raw, "raw");
    options = List.copyOf(options);
  }

  /**
   * @param key a lower-case key ({@code target})
   * @return the value of the last field with that key, or null
   */
  public String option(String key) {
    String v = null;
    for (Option o : options) {
      if (o.key().equals(key)) {
        v = o.value();
      }
    }
    return v;
  }

  /**
   * @param key a lower-case key
   * @return whether a field with that key is present (with or without a value: {@code ro}, {@code required})
   */
  public boolean has(String key) {
    return options.stream().anyMatch(o -> o.key().equals(key));
  }

  /** @return the mount type, lower-cased, {@code bind} when not given */
  public String type() {
    String t = option("type");
    return t == null ? "bind" : t.toLowerCase(Locale.ROOT);
  }

  /** @return the target path ({@code target}, {@code dst} or {@code destination}), or null */
  public String target() {
    String v = null;
    for (Option o : options) {
      if (o.key().equals("target") || o.key().equals("dst") || o.key().equals("destination")) {
        v = o.value();
      }
    }
    return v;
  }
}
