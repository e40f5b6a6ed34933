package io.jbuild.grammar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of word expansion and of the operator patterns. */
class ShellLexerProperties {

  private static final ShellLexer LEX = new ShellLexer('\\');
  private static final Environment ENV = Environment.fromList(
      List.of("A=x y", "B=", "C=*?\\", "D=a{b}c", "E=$A", "F=' \""));

  @Provide
  Arbitrary<String> plainWords() {
    return Arbitraries.strings().ofMaxLength(40)
        .filter(s -> s.chars().noneMatch(c -> c == '$' || c == '\'' || c == '"' || c == '\\'));
  }

  /** Text rich in the characters the lexer treats specially. */
  @Provide
  Arbitrary<String> shellish() {
    Arbitrary<String> pieces = Arbitraries.of("$", "{", "}", ":", "-", "+", "?", "#", "%", "/",
        "*", "=", "'", "\"", "\\", " ", "A", "B", "C", "D", "E", "F", "x", "1", "@", "\n", "é",
        "😀", "${A", "${B:-", "${C#", "${D//", "${E%%", "${F?", "}");
    return pieces.list().ofMaxSize(14).map(l -> String.join("", l));
  }

  @Property
  void wordsWithoutSpecialCharactersExpandToThemselves(@ForAll("plainWords") String word)
      throws ExpansionException {
    assertEquals(word, LEX.processWord(word, ENV));
    List<String> expected = Arrays.stream(word.split("[\\t\\n\\u000B\\f\\r \\u0085\\u00A0"
        + "\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+"))
        .filter(s -> !s.isEmpty()).toList();
    assertEquals(expected, LEX.processWords(word, ENV));
  }

  @Property(tries = 2000)
  void expansionFailsOnlyWithExpansionException(@ForAll("shellish") String word) {
    for (LexOptions options : List.of(LexOptions.DEFAULTS, new LexOptions(true, true, true, true),
        LexOptions.DEFAULTS.withRawEscapes(true), LexOptions.DEFAULTS.withSkipUnsetEnv(true))) {
      for (char escape : new char[] {'\\', '`'}) {
        ShellLexer lex = new ShellLexer(escape, options);
        try {
          Expansion x = lex.processWordWithMatches(word, ENV);
          assertEquals(x.result(), lex.processWord(word, ENV));
          assertTrue(x.words().stream().noneMatch(String::isEmpty));
        } catch (ExpansionException expected) {
          assertTrue(expected.getMessage().startsWith("processing \""));
        }
      }
    }
  }

  @Property(tries = 2000)
  void arbitraryTextFailsOnlyWithExpansionException(@ForAll String word) {
    try {
      LEX.processWordWithMatches(word, ENV);
      LEX.withOptions(new LexOptions(true, true, false, true)).processWords(word, ENV);
    } catch (ExpansionException expected) {
      assertEquals(word, expected.word());
    }
  }

  @Property
  void quotedWordsAreOneWord(@ForAll("plainWords") String text) throws ExpansionException {
    String word = "'" + text.replace("'", "") + "'";
    List<String> words = LEX.processWords(word, ENV);
    String content = text.replace("'", "");
    assertEquals(content.isEmpty() ? List.of() : List.of(content), words);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("a", "b", "*", "?", "\\*", "\\?", "\\\\", ".", "(", "\n")
        .list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of("a", "b", "*", "?", "\\", ".", "(", "\n", "ab", "😀")
        .list().ofMaxSize(10).map(l -> String.join("", l));
  }

  /** The backtracking engine agrees with java.util.regex on the Go regexp BuildKit builds. */
  @Property(tries = 3000)
  void patternEngineAgreesWithRegexOracle(@ForAll("patterns") String pattern,
      @ForAll("values") String value, @ForAll boolean greedy) throws Exception {
    ShellPattern p = ShellPattern.compile(pattern);
    Pattern oracle = Pattern.compile(p.toGoRegex(greedy, false), Pattern.UNIX_LINES);
    int[] cps = value.codePoints().toArray();
    Matcher m = oracle.matcher(value);
    int end = p.matchPrefix(cps, greedy);
    if (m.lookingAt()) {
      assertEquals(value.codePointCount(0, m.end()), end, "prefix end");
    } else {
      assertEquals(-1, end);
    }
    if (greedy) {
      int[] found = p.find(cps, 0);
      if (m.find(0)) {
        assertEquals(value.codePointCount(0, m.start()), found[0]);
        assertEquals(value.codePointCount(0, m.end()), found[1]);
      } else {
        assertEquals(null, found);
      }
    }
  }

  /** Removing a prefix or suffix leaves a suffix or prefix of the value. */
  @Property
  void trimmingKeepsPartOfTheValue(@ForAll("patterns") String pattern,
      @ForAll("values") String value) throws ExpansionException {
    Environment env = Environment.fromMap(java.util.Map.of("V", value, "P", pattern));
    String shortPrefix = LEX.processWord("${V#$P}", env);
    String longPrefix = LEX.processWord("${V##$P}", env);
    String shortSuffix = LEX.processWord("${V%$P}", env);
    String longSuffix = LEX.processWord("${V%%$P}", env);
    assertTrue(value.endsWith(shortPrefix) && shortPrefix.endsWith(longPrefix));
    assertTrue(value.startsWith(shortSuffix) && shortSuffix.startsWith(longSuffix));
  }
}
