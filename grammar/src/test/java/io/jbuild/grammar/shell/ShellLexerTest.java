package io.jbuild.grammar.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behaviour the upstream vectors do not cover: options, backtick escape, messages, edges. */
class ShellLexerTest {

  private static final Environment ENV = Environment.fromMap(Map.of(
      "FOO", "foo bar", "EMPTY", "", "PATH_", "/usr/local/bin:/usr/bin", "STAR", "*"));
  private static final ShellLexer LEX = new ShellLexer('\\');

  @Test
  void backtickEscape() throws ExpansionException {
    ShellLexer lex = new ShellLexer('`');
    assertEquals("a\\b", lex.processWord("a\\b", ENV));
    assertEquals("$FOO", lex.processWord("`$FOO", ENV));
    assertEquals("c:\\dir\"x", lex.processWord("\"c:\\dir`\"x\"", ENV));
    assertEquals(List.of("a b"), lex.processWords("a` b", ENV));
  }

  @Test
  void rejectsOtherEscapeCharacters() {
    assertThrows(IllegalArgumentException.class, () -> new ShellLexer('^'));
  }

  @Test
  void rawQuotesKeepQuotes() throws ExpansionException {
    ShellLexer lex = LEX.withOptions(LexOptions.DEFAULTS.withRawQuotes(true));
    assertEquals("'$FOO' \"foo bar\"", lex.processWord("'$FOO' \"$FOO\"", ENV));
    assertEquals(List.of("\"foo bar\"", "x"), lex.processWords("\"$FOO\" x", ENV));
  }

  @Test
  void rawEscapesKeepEscapes() throws ExpansionException {
    ShellLexer lex = LEX.withOptions(LexOptions.DEFAULTS.withRawEscapes(true));
    assertEquals("a\\$FOO\\ b", lex.processWord("a\\$FOO\\ b", ENV));
    assertEquals("\\\"", lex.processWord("\"\\\"\"", ENV));
    // the word of ${x:-w} is processed with escapes as BuildKit does
    assertEquals("$", lex.processWord("${NOPE:-\\$}", ENV));
  }

  @Test
  void skipProcessQuotesTreatsQuotesAsText() throws ExpansionException {
    ShellLexer lex = LEX.withOptions(LexOptions.DEFAULTS.withSkipProcessQuotes(true));
    assertEquals("'foo bar'", lex.processWord("'$FOO'", ENV));
    assertEquals(List.of("\"foo", "bar\""), lex.processWords("\"$FOO\"", ENV));
    assertEquals("'", lex.processWord("'", ENV));
  }

  @Test
  void skipUnsetEnvKeepsReferences() throws ExpansionException {
    ShellLexer lex = LEX.withOptions(LexOptions.DEFAULTS.withSkipUnsetEnv(true));
    assertEquals("$NOPE foo bar ${NOPE} ${NOPE:-d} ${NOPE//a/b} ${NOPE#x}",
        lex.processWord("$NOPE $FOO ${NOPE} ${NOPE:-d} ${NOPE//a/b} ${NOPE#x}", ENV));
    assertEquals("", lex.processWord("${EMPTY}", ENV));
  }

  @Test
  void matchesRecordEveryLookup() throws ExpansionException {
    Expansion x = LEX.processWordWithMatches("${FOO:-$A}${B+x}$EMPTY", ENV);
    assertEquals("foo bar", x.result());
    assertEquals(Set.of("EMPTY", "FOO"), x.matched());
    assertEquals(Set.of("A", "B"), x.unmatched());
    assertEquals(List.of("foo", "bar"), x.words());
  }

  @Test
  void errorMessagesCarryTheWordAndTheReason() {
    ExpansionException e = assertThrows(ExpansionException.class,
        () -> LEX.processWord("x${NOPE:?must be set: $FOO}", ENV));
    assertEquals("NOPE: must be set: foo bar", e.reason());
    assertEquals("processing \"x${NOPE:?must be set: $FOO}\": NOPE: must be set: foo bar",
        e.getMessage());
    assertEquals("x${NOPE:?must be set: $FOO}", e.word());
    assertEquals("EMPTY: is not allowed to be empty",
        assertThrows(ExpansionException.class, () -> LEX.processWord("${EMPTY:?}", ENV))
            .reason());
    assertEquals("NOPE: is not allowed to be unset",
        assertThrows(ExpansionException.class, () -> LEX.processWord("${NOPE?}", ENV)).reason());
    assertEquals("syntax error: missing '}'",
        assertThrows(ExpansionException.class, () -> LEX.processWord("${FOO", ENV)).reason());
    assertEquals("syntax error: bad substitution",
        assertThrows(ExpansionException.class, () -> LEX.processWord("${}", ENV)).reason());
    assertEquals("unsupported modifier (:=) in substitution",
        assertThrows(ExpansionException.class, () -> LEX.processWord("${FOO:=x}", ENV))
            .reason());
    assertTrue(assertThrows(ExpansionException.class, () -> LEX.processWord("${FOO#\\a}", ENV))
        .reason().startsWith("invalid pattern (\\a) in substitution: invalid escape"));
  }

  @Test
  void patternOperators() throws ExpansionException {
    assertEquals("/usr/bin", LEX.processWord("${PATH_#*:}", ENV));
    assertEquals("/usr/local/bin", LEX.processWord("${PATH_%:*}", ENV));
    assertEquals("bin", LEX.processWord("${PATH_##*/}", ENV));
    assertEquals("", LEX.processWord("${PATH_%%/*}", ENV));
    assertEquals("/usr/local/bin /usr/bin", LEX.processWord("${PATH_//:/ }", ENV));
    assertEquals("X", LEX.processWord("${PATH_/*bin/X}", ENV));
    // a star inside a variable used as a pattern is a wildcard, escaped it is literal
    Environment env = Environment.fromList(List.of("AST=a*b", "STAR=*"));
    assertEquals("x", LEX.processWord("${AST/$STAR/x}", env));
    assertEquals("axb", LEX.processWord("${AST/\\*/x}", env));
  }

  @Test
  void replaceAllUsesGoTemplates() throws ExpansionException {
    Environment env = Environment.fromList(List.of("V=abab", "R=<$0>", "D=$$", "N=$1x"));
    assertEquals("<a>b<a>b", LEX.processWord("${V//a/$R}", env));
    assertEquals("$b$b", LEX.processWord("${V//a/$D}", env));
    assertEquals("bb", LEX.processWord("${V//a/$N}", env));
    // single replacement takes the replacement literally
    assertEquals("<$0>bab", LEX.processWord("${V/a/$R}", env));
    // empty matches: one between every character, none right after a match
    assertEquals("-a-b-a-b-", LEX.processWord("${V///-}", env));
    assertEquals("-", LEX.processWord("${V//*/-}", env));
  }

  @Test
  void wildcardsDoNotMatchNewlines() throws ExpansionException {
    Environment env = Environment.fromList(List.of("V=a\nb"));
    assertEquals("a\nb", LEX.processWord("${V#*b}", env));
    assertEquals("\nb", LEX.processWord("${V##*}", env));
  }

  @Test
  void environmentFactories() {
    Environment env = Environment.fromList(List.of("A=1", "B", "A=2=3", "=x"));
    assertEquals("2=3", env.lookup("A").orElseThrow());
    assertEquals("", env.lookup("B").orElseThrow());
    assertEquals("x", env.lookup("").orElseThrow());
    assertTrue(env.lookup("C").isEmpty());
    assertEquals(List.of("A", "B", ""), env.names());
    assertTrue(Environment.empty().names().isEmpty());
    assertThrows(NullPointerException.class,
        () -> Environment.fromMap(java.util.Collections.singletonMap("A", null)));
  }

  @Test
  void nestedDefaultsKeepTheWordsAroundThem() throws ExpansionException {
    // BuildKit's newest lexer shares one words buffer across nesting levels, which would drop
    // "hello" here; we keep the behaviour of its earlier (and documented) word splitting
    assertEquals(List.of("helloa", "bc"), LEX.processWords("hello${NOPE:-a b}c", ENV));
  }

  @Test
  void absurdNestingIsAnExpansionError() throws ExpansionException {
    String ok = "${A:-".repeat(150) + "x" + "}".repeat(150);
    assertEquals("x", LEX.processWord(ok, ENV));
    String deep = "${A:-".repeat(100_000) + "x" + "}".repeat(100_000);
    assertTrue(assertThrows(ExpansionException.class, () -> LEX.processWord(deep, ENV))
        .reason().contains("nested more than"));
  }

  @Test
  void manyStarsOnLongValuesStayLinear() throws ExpansionException {
    String value = "a".repeat(4_000);
    String pattern = "*a".repeat(1_000) + "b";
    Environment env = Environment.fromMap(Map.of("V", value, "P", pattern));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> {
          assertEquals(value, LEX.processWord("${V#$P}", env));
          assertEquals(value, LEX.processWord("${V//$P/x}", env));
          assertEquals("", LEX.processWord("${V##" + "*a".repeat(1_000) + "}", env));
        });
  }
}
