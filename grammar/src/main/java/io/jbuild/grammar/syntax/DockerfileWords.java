package io.jbuild.grammar.syntax;

import java.util.List;

/**
 * BuildKit's word split for ENV, LABEL and ARG arguments ({@code parseWords}): words are separated
 * by unquoted white space; quotes and escape characters stay in the words.
 */
public final class DockerfileWords {
  private DockerfileWords() {}

  /**
   * @param text   the arguments of an ENV, LABEL or ARG line
   * @param escape the escape character ({@code \} or {@code `})
   * @return the raw words
   */
  public static List<String> split(String text, char escape) {
    return List.copyOf(ArgumentRules.parseWords(text, escape));
  }
}
