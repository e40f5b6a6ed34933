package io.jbuild.grammar.ignore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled glob run as a non-deterministic automaton over code points, so that matching is
 * linear in the path length and never backtracks. Built by {@link PatternCompiler}; immutable
 * and thread-safe.
 */
final class GlobProgram {

  /** A literal code point. */
  static final int LITERAL = 0;
  /** {@code ?}: one code point other than {@code /}. */
  static final int ANY = 1;
  /** A bracket expression. */
  static final int CLASS = 2;
  /** {@code *}: any run of code points other than {@code /}. */
  static final int STAR = 3;
  /** Start of {@code **}{@code /} in the middle: nothing, or the body below. */
  static final int DIRS_ENTRY = 4;
  /** Body of {@code (.*}{@code /)}: code points other than newline, left after a {@code /}. */
  static final int DIRS_BODY = 5;
  /** A trailing {@code **} in a regexp pattern: any run of code points other than newline. */
  static final int TAIL = 6;

  private final int[] ops;
  private final int[] args;
  private final CharClass[] classes;
  private final int end;
  private final int words;

  private GlobProgram(int[] ops, int[] args, CharClass[] classes) {
    this.ops = ops;
    this.args = args;
    this.classes = classes;
    this.end = ops.length;
    this.words = (end + 1 + 63) / 64;
  }

  /** Adds state {@code i} and the states reachable from it without input. */
  private void enter(long[] set, int i, int[] stack) {
    int top = 0;
    stack[top++] = i;
    while (top > 0) {
      int s = stack[--top];
      if (get(set, s)) {
        continue;
      }
      set(set, s);
      if (s < end) {
        switch (ops[s]) {
          case STAR, TAIL -> stack[top++] = s + 1;
          case DIRS_ENTRY -> {
            stack[top++] = s + 2;
            stack[top++] = s + 1;
          }
          default -> { }
        }
      }
    }
  }

  private long[] start(int[] stack) {
    long[] set = new long[words];
    enter(set, 0, stack);
    return set;
  }

  /** Builds programs node by node. */
  static final class Builder {
    private final List<Integer> ops = new ArrayList<>();
    private final List<Integer> args = new ArrayList<>();
    private final List<CharClass> classes = new ArrayList<>();

    Builder literal(int cp) {
      return add(LITERAL, cp, null);
    }

    Builder any() {
      return add(ANY, 0, null);
    }

    Builder charClass(CharClass c) {
      return add(CLASS, 0, c);
    }

    Builder star() {
      return add(STAR, 0, null);
    }

    Builder dirs() {
      add(DIRS_ENTRY, 0, null);
      return add(DIRS_BODY, 0, null);
    }

    Builder tail() {
      return add(TAIL, 0, null);
    }

    private Builder add(int op, int arg, CharClass c) {
      ops.add(op);
      args.add(arg);
      classes.add(c);
      return this;
    }

    GlobProgram build() {
      return new GlobProgram(ops.stream().mapToInt(Integer::intValue).toArray(),
          args.stream().mapToInt(Integer::intValue).toArray(),
          classes.toArray(new CharClass[0]));
    }
  }

  /** What {@link #run} returns when it stopped early at an accepting {@code /}. */
  private static final long[] ACCEPTED_AT_SLASH = new long[0];

  /** Whether the whole of {@code s} matches. */
  boolean matches(String s) {
    long[] states = run(s, false);
    return states != null && get(states, end);
  }

  /**
   * Whether {@code path} or one of its ancestors matches, for a clean relative path whose
   * ancestors are its prefixes before each {@code /}: one pass over the path.
   */
  boolean matchesSelfOrAncestor(String path) {
    long[] states = run(path, true);
    return states == ACCEPTED_AT_SLASH || states != null && get(states, end);
  }

  /**
   * Whether some non-empty {@code rest} could make {@code prefix + rest} match (a conservative
   * answer: true when unsure).
   */
  boolean mayMatchExtensionOf(String prefix) {
    long[] states = run(prefix, false);
    if (states == null) {
      return false;
    }
    for (int s = 0; s < end; s++) {
      if (get(states, s)) {
        return true; // every state before the end can still consume input
      }
    }
    return false;
  }

  /**
   * Feeds {@code input} to the automaton from its start states.
   *
   * @param stopAtAcceptingSlash whether to stop with {@link #ACCEPTED_AT_SLASH} at the first
   *     {@code /} met while the automaton accepts (the prefix before it matched)
   * @return the states after the whole input, {@link #ACCEPTED_AT_SLASH}, or null once no state
   *     is left
   */
  private long[] run(String input, boolean stopAtAcceptingSlash) {
    int[] stack = new int[2 * end + 2];
    long[] cur = start(stack);
    long[] next = new long[words];
    for (int i = 0; i < input.length(); ) {
      int cp = input.codePointAt(i);
      if (stopAtAcceptingSlash && cp == '/' && get(cur, end)) {
        return ACCEPTED_AT_SLASH;
      }
      i += Character.charCount(cp);
      if (!step(cur, cp, next, stack)) {
        return null;
      }
      long[] t = cur;
      cur = next;
      next = t;
    }
    return cur;
  }

  /** Computes into {@code next} the states after reading {@code cp}; false if none. */
  private boolean step(long[] cur, int cp, long[] next, int[] stack) {
    Arrays.fill(next, 0L);
    boolean any = false;
    for (int w = 0; w < words; w++) {
      long bits = cur[w];
      while (bits != 0) {
        int s = w * 64 + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (s >= end) {
          continue;
        }
        switch (ops[s]) {
          case LITERAL -> {
            if (cp == args[s]) {
              enter(next, s + 1, stack);
              any = true;
            }
          }
          case ANY -> {
            if (cp != '/') {
              enter(next, s + 1, stack);
              any = true;
            }
          }
          case CLASS -> {
            if (classes[s].matches(cp)) {
              enter(next, s + 1, stack);
              any = true;
            }
          }
          case STAR -> {
            if (cp != '/') {
              enter(next, s, stack);
              any = true;
            }
          }
          case DIRS_BODY -> {
            if (cp != '\n') {
              set(next, s);
              any = true;
              if (cp == '/') {
                enter(next, s + 1, stack);
              }
            }
          }
          case TAIL -> {
            if (cp != '\n') {
              enter(next, s, stack);
              any = true;
            }
          }
          default -> { } // DIRS_ENTRY never consumes: its closure holds the body
        }
      }
    }
    return any;
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << (i & 63);
  }

  private static boolean get(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }
}
