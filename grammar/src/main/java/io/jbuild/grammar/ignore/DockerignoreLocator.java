package io.jbuild.grammar.ignore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the ignore file of a build, with BuildKit's precedence: for a Dockerfile named
 * {@code X}, a file {@code X.dockerignore} in the Dockerfile's directory wins (e.g.
 * {@code build/app.Dockerfile.dockerignore} for {@code -f build/app.Dockerfile}); otherwise
 * {@code .dockerignore} at the root of the context applies; otherwise nothing is ignored.
 *
 * <p>Whatever file is chosen, the builder still reads the Dockerfile and the ignore file
 * itself even when the patterns exclude them; exclusion only keeps them out of the context
 * that {@code COPY} and {@code ADD} see.
 */
public final class DockerignoreLocator {

  /** The name of the context-wide ignore file. */
  public static final String FILE_NAME = ".dockerignore";

  private DockerignoreLocator() {}

  /**
   * The candidate files in precedence order: {@code <dockerfile>.dockerignore} next to the
   * Dockerfile (only when {@code dockerfile} is given), then {@code <context>/.dockerignore}.
   *
   * @param dockerfile the Dockerfile, or null when it does not come from a file (stdin)
   */
  public static List<Path> candidates(Path contextDir, Path dockerfile) {
    Objects.requireNonNull(contextDir, "contextDir");
    List<Path> out = new ArrayList<>(2);
    if (dockerfile != null && dockerfile.getFileName() != null) {
      out.add(dockerfile.resolveSibling(dockerfile.getFileName() + FILE_NAME));
    }
    out.add(contextDir.resolve(FILE_NAME));
    return List.copyOf(out);
  }

  /** The first candidate that is a regular file (following links), if any. */
  public static Optional<Path> locate(Path contextDir, Path dockerfile) {
    return candidates(contextDir, dockerfile).stream().filter(Files::isRegularFile).findFirst();
  }
}
