package io.jbuild.builder.remotecache;

/**
 * Which steps a cache export carries: {@link #MIN} only the steps whose result is part of the final
 * image (its stage chain through {@code FROM <stage>}), {@link #MAX} every step of every stage built.
 */
public enum CacheMode {
  MIN,
  MAX;

  /** The attribute value ({@code min} or {@code max}). */
  public String attribute() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
