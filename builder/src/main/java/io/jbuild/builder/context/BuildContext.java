package io.jbuild.builder.context;

import io.jbuild.grammar.ignore.DockerignoreLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build context: a directory and the {@code .dockerignore} rules that hide parts of it.
 *
 * <p>The ignore file is chosen as Docker/BuildKit do: {@code <Dockerfile>.dockerignore} next to
 * the Dockerfile (e.g. {@code app.Dockerfile.dockerignore}) takes precedence over
 * {@code <context>/.dockerignore}. The Dockerfile and the ignore file themselves are read by
 * the builder whether or not they are excluded; exclusion only hides them from COPY/ADD.
 * Entries of the context are owned by root ({@code 0:0}) when copied without {@code --chown},
 * as with BuildKit's local source.
 */
public final class BuildContext implements SourceTree {
  private final Path root;
  private final IgnoreRules ignore;
  private final Path ignoreFile;
  private final ContentHasher hasher;

  private BuildContext(Path root, IgnoreRules ignore, Path ignoreFile, ContentHasher hasher) {
    this.root = root;
    this.ignore = ignore;
    this.ignoreFile = ignoreFile;
    this.hasher = hasher;
  }

  /**
   * Opens a context directory.
   *
   * @param contextDir the context directory; must exist and be a directory
   * @param dockerfile the Dockerfile used (for {@code <Dockerfile>.dockerignore}), or {@code null}
   * @param hasher the content hasher, e.g. a {@link StatCache} or {@link ContentHasher#direct()}
   * @throws ContextException {@code build context "DIR" does not exist} / {@code is not a directory},
   *     or a malformed ignore file
   */
  public static BuildContext open(Path contextDir, Path dockerfile, ContentHasher hasher) throws ContextException {
    if (!Files.exists(contextDir)) {
      throw new ContextException("build context \"" + contextDir + "\" does not exist");
    }
    if (!Files.isDirectory(contextDir)) {
      throw new ContextException("build context \"" + contextDir + "\" is not a directory");
    }
    Path root;
    try {
      root = contextDir.toRealPath();
    } catch (IOException e) {
      throw new ContextException("reading build context \"" + contextDir + "\": " + e.getMessage(), e);
    }
    Path chosen = locateIgnoreFile(root, dockerfile).orElse(null);
    IgnoreRules rules = IgnoreRules.none();
    if (chosen != null) {
      try {
        rules = IgnoreRules.compile(IgnoreRules.parseFile(Files.readString(chosen, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new ContextException("reading " + chosen + ": " + e.getMessage(), e);
      } catch (ContextException e) {
        throw new ContextException("reading " + chosen + ": " + e.getMessage(), e);
      }
    }
    return new BuildContext(root, rules, chosen, hasher);
  }

  /** Opens a context with a hasher that always reads files. */
  public static BuildContext open(Path contextDir, Path dockerfile) throws ContextException {
    return open(contextDir, dockerfile, ContentHasher.direct());
  }

  /**
   * The ignore file Docker would use: {@code <dockerfile>.dockerignore} if it exists, else
   * {@code <context>/.dockerignore} if it exists.
   */
  public static Optional<Path> locateIgnoreFile(Path contextDir, Path dockerfile) {
    return DockerignoreLocator.locate(contextDir, dockerfile);
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public IgnoreRules ignore() {
    return ignore;
  }

  /** The ignore file that was applied, if any. */
  public Optional<Path> ignoreFile() {
    return Optional.ofNullable(ignoreFile);
  }

  @Override
  public boolean rootOwned() {
    return true;
  }

  @Override
  public ContentHasher hasher() {
    return hasher;
  }

  @Override
  public String description() {
    return "build context";
  }
}
