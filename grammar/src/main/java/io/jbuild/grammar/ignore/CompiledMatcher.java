package io.jbuild.grammar.ignore;

import io.jbuild.grammar.syntax.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link PatternMatcher} over a list of {@link CompiledPattern}s. */
final class CompiledMatcher implements PatternMatcher {

  private final CompiledPattern[] patterns;
  private final boolean exclusions;
  private final List<String> texts;

  private CompiledMatcher(List<CompiledPattern> patterns) {
    this.patterns = patterns.toArray(new CompiledPattern[0]);
    this.exclusions = patterns.stream().anyMatch(CompiledPattern::isException);
    this.texts = patterns.stream().map(CompiledPattern::toString).toList();
  }

  static CompiledMatcher compile(List<String> given) throws IgnorePatternException {
    Objects.requireNonNull(given, "patterns");
    List<CompiledPattern> compiled = new ArrayList<>(given.size());
    for (String raw : given) {
      Objects.requireNonNull(raw, "pattern");
      String p = GoText.trim(raw);
      if (p.isEmpty()) {
        continue;
      }
      p = GoPath.clean(p);
      boolean exception = false;
      if (p.charAt(0) == '!') {
        if (p.length() == 1) {
          throw new IgnorePatternException(raw, "illegal exclusion pattern \"!\"");
        }
        exception = true;
        p = p.substring(1);
      }
      compiled.add(PatternCompiler.compile(raw, p, exception));
    }
    return new CompiledMatcher(compiled);
  }

  @Override
  public boolean matches(String path) {
    Objects.requireNonNull(path, "path");
    // the last matching pattern decides; upstream's skipping never changes that result
    for (int i = patterns.length - 1; i >= 0; i--) {
      if (patterns[i].matchesSelfOrParent(path)) {
        return !patterns[i].isException();
      }
    }
    return false;
  }

  @Override
  public boolean hasExclusions() {
    return exclusions;
  }

  @Override
  public boolean canSkipDirectory(String dir) {
    Objects.requireNonNull(dir, "dir");
    if (!GoPath.isCleanRelative(dir)) {
      return false;
    }
    int decisive = -1;
    for (int i = patterns.length - 1; i >= 0; i--) {
      if (patterns[i].matchesSelfOrParent(dir)) {
        decisive = i;
        break;
      }
    }
    if (decisive < 0 || patterns[decisive].isException()) {
      return false;
    }
    // Every pattern matching dir also matches everything below it, so a path below can only
    // end up included through a later exception that matches it but not dir.
    for (int i = decisive + 1; i < patterns.length; i++) {
      if (patterns[i].isException() && patterns[i].mayMatchBelow(dir)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<String> patterns() {
    return texts;
  }

  @Override
  public String toString() {
    return "PatternMatcher" + texts;
  }
}
