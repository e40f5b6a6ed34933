package io.jbuild.grammar.syntax;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One heredoc attached to an instruction ({@code RUN <<EOF}, {@code COPY <<-'X' /dest}).
 *
 * @param name           the terminator word with quotes removed ({@code EOF})
 * @param fileDescriptor the {@code 3} of {@code 3<<EOF}, else 0
 * @param expand         false when any part of the word was quoted: the body is then not expanded
 * @param chomp          {@code <<-}: leading tabs are removed from each body line when used
 * @param content        the raw body, one newline after each line, before any tab removal
 */
public record Heredoc(String name, long fileDescriptor, boolean expand, boolean chomp, String content) {
  private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\\t+");

  /** Validates that no component is null. */
  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  /** @return the same heredoc with another body */
  public Heredoc withContent(String body) {
    return new Heredoc(name, fileDescriptor, expand, chomp, body);
  }

  /** @return the body as it is used: with leading tabs removed on every line when {@link #chomp()} */
  public String effectiveContent() {
    return chomp ? chompContent(content) : content;
  }

  /**
   * Removes the leading tabs of every line (BuildKit's {@code ChompHeredocContent}).
   *
   * @param content a heredoc body
   * @return the body without leading tabs
   */
  public static String chompContent(String content) {
    return LEADING_TABS.matcher(content).replaceAll("");
  }
}
