package io.jbuild.grammar.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the matcher, with a direct transcription of upstream's loop as oracle. */
class PatternMatcherProperties {

  @Provide
  Arbitrary<String> segments() {
    return Arbitraries.of("a", "b", "ab", "x.y", ".", "..", "é", "😀", "a b", "\\", "*", "[");
  }

  @Provide
  Arbitrary<String> paths() {
    return segments().list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
  }

  @Provide
  Arbitrary<String> cleanPaths() {
    return Arbitraries.of("a", "b", "ab", "x.y", "é", "😀", "a b", "c")
        .list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
  }

  @Provide
  Arbitrary<String> anyPaths() {
    return Arbitraries.strings().withChars("ab/.*\\ é").ofMaxLength(12);
  }

  @Provide
  Arbitrary<List<String>> patternLists() {
    Arbitrary<String> pattern = Arbitraries.of("a", "b", "ab", "*", "?", "**", "a*", "*b", "**/b",
        "a/**", "[ab]", "[^a]", "a?b", "x.y", "**/x.y", "a/*/b", "a/**/b", "é", "\\*", "*/a",
        "a/b", "b/a", "**b", "a**")
        .flatMap(p -> Arbitraries.of(p, "!" + p));
    return pattern.list().ofMaxSize(5);
  }

  /** upstream's MatchesOrParentMatches, evaluated in order with its skipping rule. */
  private static boolean reference(List<String> patterns, String file) throws Exception {
    List<CompiledPattern> compiled = new ArrayList<>();
    for (String raw : patterns) {
      String p = GoPath.clean(raw.strip());
      boolean exception = p.startsWith("!");
      compiled.add(PatternCompiler.compile(raw, exception ? p.substring(1) : p, exception));
    }
    boolean matched = false;
    String parent = GoPath.dir(file);
    String[] parentDirs = parent.split("/", -1);
    for (CompiledPattern pattern : compiled) {
      if (pattern.isException() != matched) {
        continue;
      }
      boolean match = pattern.matchesSelf(file);
      if (!match && !parent.equals(".")) {
        for (int i = 0; i < parentDirs.length && !match; i++) {
          match = pattern.matchesSelf(String.join("/", List.of(parentDirs).subList(0, i + 1)));
        }
      }
      if (match) {
        matched = !pattern.isException();
      }
    }
    return matched;
  }

  @Property(tries = 1500)
  void agreesWithUpstreamLoop(@ForAll("patternLists") List<String> patterns,
      @ForAll("paths") String path) throws Exception {
    assertEquals(reference(patterns, path), PatternMatcher.compile(patterns).matches(path));
  }

  @Property
  void neverThrowsOnArbitraryPaths(@ForAll("patternLists") List<String> patterns,
      @ForAll("anyPaths") String path) throws Exception {
    PatternMatcher m = PatternMatcher.compile(patterns);
    assertEquals(reference(patterns, path), m.matches(path));
    m.canSkipDirectory(path);
  }

  @Property(tries = 2000)
  void arbitraryPatternsCompileOrFailCleanly(
      @ForAll @Size(max = 6) List<@StringLength(max = 40) String> patterns,
      @ForAll @StringLength(max = 80) String path) {
    try {
      PatternMatcher m = PatternMatcher.compile(patterns);
      m.matches(path);
      m.canSkipDirectory(path);
    } catch (IgnorePatternException expected) {
      assertTrue(patterns.contains(expected.pattern()));
    }
  }

  @Property
  void literalPathMatchesItselfAndChildrenOnly(@ForAll("cleanPaths") String literal,
      @ForAll("cleanPaths") String child) throws Exception {
    PatternMatcher m = PatternMatcher.compile(List.of(literal));
    assertTrue(m.matches(literal));
    assertTrue(m.matches(literal + "/" + child));
    assertFalse(m.matches(literal + "x"));
    String other = child + "/" + literal;
    assertEquals(other.startsWith(literal + "/"), m.matches(other));
    String sibling = child + "x";
    assertEquals(sibling.startsWith(literal + "/"), m.matches(sibling));
    assertTrue(m.canSkipDirectory(literal));
  }

  /** A directory the walker may skip has nothing below it that ends up in the context. */
  @Property(tries = 3000)
  void skippedDirectoriesHoldOnlyExcludedPaths(@ForAll("patternLists") List<String> patterns,
      @ForAll("cleanPaths") String dir, @ForAll("cleanPaths") String below) throws Exception {
    PatternMatcher m = PatternMatcher.compile(patterns);
    Assume.that(m.canSkipDirectory(dir));
    assertTrue(m.matches(dir));
    assertTrue(m.matches(dir + "/" + below), dir + "/" + below);
  }
}
