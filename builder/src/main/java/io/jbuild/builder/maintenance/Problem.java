package io.jbuild.builder.maintenance;

import java.nio.file.Path;

/**
 * Something wrong in a store: what ({@code blob}, {@code name}, {@code cache entry}, {@code layer},
 * {@code temp}, {@code index}), where, why, and whether {@code --repair} removed it.
 */
public record Problem(String what, Path path, String detail, boolean repaired) {

  /** A problem not (yet) repaired. */
  public Problem(String what, Path path, String detail) {
    this(what, path, detail, false);
  }

  public Problem repairedNow() {
    return new Problem(what, path, detail, true);
  }

  @Override
  public String toString() {
    return what + " " + path + ": " + detail + (repaired ? " (removed)" : "");
  }
}
