package io.jbuild.grammar.ignore;

import io.jbuild.grammar.syntax.GoText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .dockerignore} file into its pattern list, with the rules of Docker's
 * {@code ignorefile.ReadAll}:
 *
 * <ul>
 *   <li>lines end at LF (a CR before it is dropped); a UTF-8 byte-order mark on the first line
 *       is removed;
 *   <li>a line whose first character is {@code #} is a comment ({@code  # x} is a pattern);
 *   <li>lines are trimmed and empty ones dropped; after a leading {@code !} the rest is trimmed
 *       again;
 *   <li>each pattern is cleaned like Go's {@code filepath.Clean} ({@code docs/} becomes
 *       {@code docs}, {@code ./a//b} becomes {@code a/b}) and one leading {@code /} is removed;
 *   <li>{@code !} and {@code ! } stay as {@code !}, which {@link PatternMatcher#compile} rejects.
 * </ul>
 */
public final class IgnoreFile {

  private IgnoreFile() {}

  /** Reads the patterns of a file's content. */
  public static List<String> read(String content) {
    List<String> patterns = new ArrayList<>();
    int start = 0;
    int n = content.length();
    boolean first = true;
    while (start < n) {
      int lf = content.indexOf('\n', start);
      int end = lf < 0 ? n : lf;
      String line = content.substring(start, end);
      start = end + 1;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (first && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      first = false;
      String pattern = normalize(line);
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return List.copyOf(patterns);
  }

  /** Reads the patterns from UTF-8 bytes (the stream is read to its end, not closed). */
  public static List<String> read(InputStream in) throws IOException {
    return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Reads the patterns of the UTF-8 file at {@code file}. */
  public static List<String> read(Path file) throws IOException {
    return read(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** One line's pattern, or null for a comment or blank line. */
  private static String normalize(String line) {
    if (line.startsWith("#")) {
      return null;
    }
    String pattern = GoText.trim(line);
    if (pattern.isEmpty()) {
      return null;
    }
    boolean invert = pattern.charAt(0) == '!';
    if (invert) {
      pattern = GoText.trim(pattern.substring(1));
    }
    if (!pattern.isEmpty()) {
      pattern = GoPath.clean(pattern);
      if (pattern.length() > 1 && pattern.charAt(0) == '/') {
        pattern = pattern.substring(1);
      }
    }
    return invert ? "!" + pattern : pattern;
  }
}
