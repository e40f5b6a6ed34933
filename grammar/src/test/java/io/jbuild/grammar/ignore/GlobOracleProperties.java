package io.jbuild.grammar.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The automaton agrees with the regular expression moby/patternmatcher builds for the same
 * pattern ({@code *} to {@code [^/]*}, {@code ?} to {@code [^/]}, inner {@code **}{@code /} to
 * {@code (.*}{@code /)?}, trailing {@code **} to {@code .*}), run by java.util.regex.
 */
class GlobOracleProperties {

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("a", "b", "/", "*", "?", "**", "**/", "[ab]", "[^a]", ".", "\\*", "é",
        "\n").list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("a", "b", "/", "*", ".", "é", "\n", "ab", "a/b")
        .list().ofMaxSize(8).map(l -> String.join("", l));
  }

  /** The regexp text upstream would build, in java.util.regex syntax. */
  private static String oracle(String pattern) {
    StringBuilder re = new StringBuilder();
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '*' && i + 1 < cps.length && cps[i + 1] == '*') {
        i++;
        if (i + 1 < cps.length && cps[i + 1] == '/') {
          i++;
        }
        re.append(i + 1 >= cps.length ? ".*" : "(.*/)?");
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int close = pattern.indexOf(']', i);
        re.append(pattern, i, close + 1); // the generated classes need no translation
        i = close;
      } else if (c == '\\') {
        re.append(Pattern.quote(new String(Character.toChars(cps[++i]))));
      } else {
        re.append(Pattern.quote(new String(Character.toChars(c))));
      }
    }
    return re.toString();
  }

  @Property(tries = 3000)
  void automatonAgreesWithUpstreamRegexp(@ForAll("patterns") String raw,
      @ForAll("paths") String path) throws Exception {
    String cleaned = GoPath.clean(raw);
    CompiledPattern p = PatternCompiler.compile(raw, cleaned, false);
    Assume.that(p.kind() == CompiledPattern.Kind.PROGRAM);
    Pattern re = Pattern.compile(oracle(cleaned), Pattern.UNIX_LINES);
    assertEquals(re.matcher(path).matches(), p.matchesSelf(path),
        () -> "pattern " + cleaned + " regexp " + re + " path " + path);
  }
}
