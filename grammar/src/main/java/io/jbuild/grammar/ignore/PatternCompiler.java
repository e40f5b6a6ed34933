package io.jbuild.grammar.ignore;

/**
 * Turns one normalised pattern into a {@link CompiledPattern}: checks its syntax with Go's
 * {@code filepath.Match} rules and picks the match strategy as moby/patternmatcher does.
 *
 * <p>Glob language: {@code *} any run of characters but {@code /}; {@code ?} one character
 * but {@code /}; {@code [...]} a class ({@code ^} negates, {@code a-z} ranges); {@code \x} the
 * character {@code x}; {@code **} any number of directories, including none (a leading
 * {@code **} makes a suffix match, a trailing {@code /**} a prefix match that does not match
 * the directory itself). Everything else is literal. Matching is per Unicode code point.
 *
 * <p>Deliberate differences from upstream, which translates patterns into Go regexp text: a
 * backslash before a letter is that letter (upstream passes {@code \d}, {@code \w}, {@code \b}
 * ... to the regexp engine); {@code *} and {@code ?} inside a class are class members (upstream
 * garbles them); a reversed range such as {@code [z-a]} is rejected when the matcher is
 * compiled (upstream fails on the first match that evaluates the pattern).
 */
final class PatternCompiler {

  private PatternCompiler() {}

  /** Compiles {@code text} (cleaned, without its {@code !}); {@code given} is for errors. */
  static CompiledPattern compile(String given, String text, boolean exception)
      throws IgnorePatternException {
    int[] cps = text.codePoints().toArray();
    GlobProgram.Builder program = new GlobProgram.Builder();
    CompiledPattern.Kind kind = CompiledPattern.Kind.EXACT;
    int pos = 0;
    for (int iteration = 0; pos < cps.length; iteration++) {
      int ch = cps[pos++];
      if (ch == '*') {
        if (pos < cps.length && cps[pos] == '*') {
          pos++;
          if (pos < cps.length && cps[pos] == '/') {
            pos++;
          }
          if (pos >= cps.length) {
            if (kind == CompiledPattern.Kind.EXACT) {
              kind = CompiledPattern.Kind.PREFIX;
            } else {
              program.tail();
              kind = CompiledPattern.Kind.PROGRAM;
            }
          } else {
            program.dirs();
            kind = CompiledPattern.Kind.PROGRAM;
          }
          if (iteration == 0) {
            kind = CompiledPattern.Kind.SUFFIX;
          }
        } else {
          program.star();
          kind = CompiledPattern.Kind.PROGRAM;
        }
      } else if (ch == '?') {
        program.any();
        kind = CompiledPattern.Kind.PROGRAM;
      } else if (ch == '\\') {
        if (pos >= cps.length) {
          throw new IgnorePatternException(given, "trailing backslash");
        }
        program.literal(cps[pos++]);
        kind = CompiledPattern.Kind.PROGRAM;
      } else if (ch == '[') {
        try {
          CharClass.Parsed parsed = CharClass.parse(cps, pos - 1);
          program.charClass(parsed.charClass());
          pos = parsed.end();
        } catch (CharClass.SyntaxError e) {
          throw new IgnorePatternException(given, e.getMessage());
        }
        kind = CompiledPattern.Kind.PROGRAM;
      } else if (ch == ']') {
        program.literal(ch);
        kind = CompiledPattern.Kind.PROGRAM;
      } else {
        program.literal(ch);
      }
    }
    return new CompiledPattern(text, exception, kind,
        kind == CompiledPattern.Kind.PROGRAM ? program.build() : null);
  }
}
