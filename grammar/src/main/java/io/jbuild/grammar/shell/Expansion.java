package io.jbuild.grammar.shell;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of expanding one word.
 *
 * @param result the expanded word (quotes removed, nothing split), as
 *     {@link ShellLexer#processWord} returns it
 * @param words the expanded word split into words, as {@link ShellLexer#processWords} returns it
 * @param matched the names that were looked up and found, sorted
 * @param unmatched the names that were looked up and not found, sorted. Every lookup counts,
 *     whether or not its value ended up in the result ({@code ${A:-$B}} with {@code A} set
 *     still lists {@code B}).
 */
public record Expansion(String result, List<String> words, Set<String> matched,
    Set<String> unmatched) {

  /** Validates and copies; the sets become unmodifiable and sorted. */
  public Expansion {
    Objects.requireNonNull(result, "result");
    words = List.copyOf(words);
    matched = Collections.unmodifiableSortedSet(new TreeSet<>(matched));
    unmatched = Collections.unmodifiableSortedSet(new TreeSet<>(unmatched));
  }
}
