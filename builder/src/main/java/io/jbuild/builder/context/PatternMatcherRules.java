package io.jbuild.builder.context;

import io.jbuild.grammar.ignore.PatternMatcher;

/** {@link IgnoreRules} over the grammar module's {@code .dockerignore} matcher. */
record PatternMatcherRules(PatternMatcher matcher) implements IgnoreRules {
  static final PatternMatcherRules NONE = new PatternMatcherRules(null);

  @Override
  public boolean excluded(String path) {
    return matcher != null && !path.isEmpty() && matcher.matches(path);
  }

  @Override
  public boolean mayReinclude(String dir) {
    return matcher != null && !matcher.canSkipDirectory(dir);
  }

  @Override
  public boolean isEmpty() {
    return matcher == null || matcher.patterns().isEmpty();
  }
}
