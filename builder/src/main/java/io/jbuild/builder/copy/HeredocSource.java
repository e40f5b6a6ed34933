package io.jbuild.builder.copy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A here-document used as a COPY/ADD source ({@code COPY <<EOF /dest}): its name (the
 * delimiter word, used as the file name when the destination is a directory) and its content,
 * already expanded or not as the heredoc's quoting says.
 *
 * @param name the file name, e.g. {@code EOF}
 * @param content the text, written as UTF-8
 */
public record HeredocSource(String name, String content) {
  public HeredocSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("invalid heredoc name \"" + name + "\"");
    }
  }

  byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
