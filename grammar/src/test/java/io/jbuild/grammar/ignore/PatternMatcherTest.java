package io.jbuild.grammar.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matcher behaviour beyond the upstream vectors: walker support, normalisation, speed. */
class PatternMatcherTest {

  private static PatternMatcher compile(String... patterns) throws IgnorePatternException {
    return PatternMatcher.compile(List.of(patterns));
  }

  @Test
  void normalisesPatterns() throws IgnorePatternException {
    PatternMatcher m = compile("  docs/ ", "", "!docs/README.md  ", "./a//b/../c", "**/");
    assertEquals(List.of("docs", "!docs/README.md", "a/c", "**"), m.patterns());
    assertTrue(m.hasExclusions());
    assertFalse(compile("a", "b").hasExclusions());
  }

  @Test
  void lastMatchingPatternDecides() throws IgnorePatternException {
    PatternMatcher m = compile("*.md", "!README.md", "docs", "!docs/keep/**");
    assertTrue(m.matches("CHANGES.md"));
    assertFalse(m.matches("README.md"));
    assertTrue(m.matches("docs/x.txt"));
    assertTrue(m.matches("docs/README.md"), "docs matches as a parent after the exception");
    assertFalse(m.matches("docs/keep/a.txt"));
    assertTrue(m.matches("docs/keep"), "abc/** does not match abc itself");
  }

  @Test
  void unCleanPathsAreEvaluatedAsUpstream() throws IgnorePatternException {
    PatternMatcher m = compile("a/b");
    assertTrue(m.matches("a/b/"));
    assertTrue(m.matches("a//b/c"), "parents come from filepath.Dir, which cleans");
    assertFalse(m.matches("./a/b"), "the path itself is not cleaned");
    assertTrue(compile("*").matches("/"));
  }

  @Test
  void errorsNameThePattern() {
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> compile("ok", " [z-a] "));
    assertEquals(" [z-a] ", e.pattern());
    assertEquals("invalid .dockerignore pattern \" [z-a] \": invalid character class range z-a",
        e.getMessage());
    assertEquals("trailing backslash",
        assertThrows(IgnorePatternException.class, () -> compile("a\\")).reason());
    assertEquals("illegal exclusion pattern \"!\"",
        assertThrows(IgnorePatternException.class, () -> compile("!/")).reason());
  }

  @Test
  void canSkipDirectoryOnlyWhenNothingBelowIsReincluded() throws IgnorePatternException {
    PatternMatcher plain = compile("node_modules", "*.log");
    assertTrue(plain.canSkipDirectory("node_modules"));
    assertTrue(plain.canSkipDirectory("node_modules/x"));
    assertFalse(plain.canSkipDirectory("src"), "not excluded");

    PatternMatcher keep = compile("build", "!build/keep.txt", "cache", "!**/*.keep");
    assertFalse(keep.canSkipDirectory("build"));
    assertFalse(keep.canSkipDirectory("build/sub"), "**/*.keep may match below");
    assertTrue(compile("build", "!build/keep.txt").canSkipDirectory("build/sub"));
    assertFalse(keep.canSkipDirectory("cache"), "a suffix exception may match below");

    PatternMatcher wild = compile("vendor", "!vendor/*/LICENSE", "dist", "!docs/*.md");
    assertFalse(wild.canSkipDirectory("vendor"));
    assertFalse(wild.canSkipDirectory("vendor/pkg"));
    assertTrue(wild.canSkipDirectory("vendor/pkg/sub"), "vendor/*/LICENSE cannot be below");
    assertTrue(wild.canSkipDirectory("dist"), "the exception is elsewhere");

    PatternMatcher reexcluded = compile("!keep/x", "*");
    assertTrue(reexcluded.canSkipDirectory("keep"), "an earlier exception is overridden");

    PatternMatcher prefix = compile("out", "!out/gen**");
    assertFalse(prefix.canSkipDirectory("out"));
    assertTrue(prefix.canSkipDirectory("out/other"));
    assertFalse(prefix.canSkipDirectory("out/generated"));
    assertFalse(compile("*").canSkipDirectory("."), "the root is never skipped");
  }

  @Test
  void hundredThousandPathsAreFast() throws IgnorePatternException {
    PatternMatcher m = compile("**/*.log", "node_modules", "!node_modules/keep/**", "*.tmp",
        "build/**/cache", "docs/[a-c]*.md", "**/.git", "src/**/test?/*.snap", "!src/main");
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      paths.add("src/module" + (i % 97) + "/pkg" + (i % 13) + "/sub/dir/File" + i
          + (i % 3 == 0 ? ".log" : ".java"));
    }
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      int excluded = 0;
      for (String p : paths) {
        if (m.matches(p)) {
          excluded++;
        }
      }
      assertEquals(33_334, excluded);
    });
  }
}
