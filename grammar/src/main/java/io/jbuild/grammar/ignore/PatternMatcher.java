package io.jbuild.grammar.ignore;

import java.util.List;

/**
 * Decides which context paths a {@code .dockerignore} excludes, with the semantics of
 * moby/patternmatcher's {@code MatchesOrParentMatches} (what BuildKit uses):
 *
 * <ul>
 *   <li>a pattern matches a path if it matches the path itself or any of its parent
 *       directories ({@code a*} matches {@code ab/c});
 *   <li>patterns apply in order and the last one that matches decides: a plain pattern
 *       excludes, a {@code !} pattern re-includes;
 *   <li>see {@link PatternCompiler} for the glob language.
 * </ul>
 *
 * <p>Paths are slash-separated and relative to the context root, normally clean
 * ({@code dir/file}); other forms are evaluated exactly as upstream does, without cleaning.
 * Instances are immutable and thread-safe; patterns are compiled once, so a call costs time
 * linear in the path length per pattern.
 */
public interface PatternMatcher {

  /**
   * Compiles {@code patterns} in order, as moby/patternmatcher's {@code New}: each is trimmed,
   * dropped if empty, cleaned like {@code filepath.Clean}; a leading {@code !} marks an
   * exception.
   *
   * @throws IgnorePatternException for a lone {@code !} or a pattern {@code filepath.Match}
   *     rejects (malformed class, trailing backslash) or with a reversed class range
   */
  static PatternMatcher compile(List<String> patterns) throws IgnorePatternException {
    return CompiledMatcher.compile(patterns);
  }

  /** Whether {@code path} is excluded from the context. */
  boolean matches(String path);

  /** Whether any pattern is an exception ({@code !}). */
  boolean hasExclusions();

  /**
   * Whether a walker may skip directory {@code dir} (a clean relative path) entirely: true only
   * when {@code dir} is excluded and no exception pattern can re-include anything below it.
   * Conservative: false whenever that cannot be shown.
   */
  boolean canSkipDirectory(String dir);

  /** The normalised patterns, exceptions prefixed with {@code !}, in order. */
  List<String> patterns();
}
