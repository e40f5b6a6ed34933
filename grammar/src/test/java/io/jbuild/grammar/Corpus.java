package io.jbuild.grammar;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed test data; fails loudly when it is missing. */
public final class Corpus {
  private Corpus() {}

  /** @return the repository root from the {@code jbuild.repo} system property (or the working directory's parent) */
  public static Path repo() {
    String prop = System.getProperty("jbuild.repo");
    Path root = prop != null ? Path.of(prop) : Path.of("..").toAbsolutePath().normalize();
    return root;
  }

  /** @return {@code testdata/conformance}, which must exist */
  public static Path conformance() {
    Path dir = repo().resolve("testdata/conformance");
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("conformance corpus missing: " + dir + " (set -Djbuild.repo to the repository root)");
    }
    return dir;
  }

  /** @return {@code testdata/conformance/buildkit/frontend/dockerfile/parser} */
  public static Path parserCases() {
    return conformance().resolve("buildkit/frontend/dockerfile/parser");
  }
}
