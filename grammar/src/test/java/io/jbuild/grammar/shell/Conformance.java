package io.jbuild.grammar.shell;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the conformance corpus committed under {@code testdata/conformance}. */
final class Conformance {

  private Conformance() {}

  /** The corpus root; fails loudly when {@code jbuild.repo} is missing or wrong. */
  static Path root() {
    String repo = System.getProperty("jbuild.repo");
    if (repo == null || repo.isBlank()) {
      throw new IllegalStateException(
          "system property jbuild.repo is not set: run the tests through Maven (surefire sets it)");
    }
    Path root = Path.of(repo, "testdata", "conformance");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("conformance corpus not found at " + root);
    }
    return root;
  }
}
