package io.jbuild.grammar.instruction;

import java.util.Objects;

/**
 * One ENV or LABEL pair, both raw (quotes kept).
 *
 * @param key   the name as written
 * @param value the value as written
 */
public record KeyValue(String key, String value) {
  /** Checks for nulls. */
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
