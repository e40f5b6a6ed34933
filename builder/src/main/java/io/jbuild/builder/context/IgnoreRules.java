package io.jbuild.builder.context;

import io.jbuild.grammar.ignore.IgnoreFile;
import io.jbuild.grammar.ignore.IgnorePatternException;
import io.jbuild.grammar.ignore.PatternMatcher;
import java.util.List;

/**
 * Which context paths a {@code .dockerignore} file (or a {@code COPY --exclude} list) leaves
 * out, with Docker's {@code MatchesOrParentMatches} semantics (implemented by
 * {@link io.jbuild.grammar.ignore.PatternMatcher}): a pattern excludes the path it
 * matches and everything below it, the last matching pattern wins, {@code !pattern}
 * re-includes.
 */
public interface IgnoreRules {
  /** @param path a cleaned relative {@code /}-separated path; {@code true} if it is excluded */
  boolean excluded(String path);

  /**
   * Whether something below the excluded directory {@code dir} could still be re-included by a
   * {@code !} pattern; when {@code false} a walker may skip the whole directory.
   */
  boolean mayReinclude(String dir);

  /** Whether any pattern is present at all. */
  boolean isEmpty();

  /** Rules that exclude nothing. */
  static IgnoreRules none() {
    return PatternMatcherRules.NONE;
  }

  /**
   * Compiles patterns as read from a {@code .dockerignore} file (one per element, already
   * trimmed, comments removed).
   *
   * @throws ContextException for a malformed pattern, naming it
   */
  static IgnoreRules compile(List<String> patterns) throws ContextException {
    if (patterns.isEmpty()) {
      return none();
    }
    try {
      return new PatternMatcherRules(PatternMatcher.compile(patterns));
    } catch (IgnorePatternException e) {
      throw new ContextException(e.getMessage(), e);
    }
  }

  /**
   * Reads {@code .dockerignore} content as Docker's {@code ignorefile.ReadAll} does: a
   * leading BOM dropped, lines starting with {@code #} are comments, lines trimmed, empty
   * ones dropped, each pattern cleaned and one leading {@code /} removed ({@code !} kept).
   */
  static List<String> parseFile(String content) {
    return IgnoreFile.read(content);
  }
}
