package io.jbuild.grammar.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled pattern of the {@code #}, {@code %} and {@code /} operators: {@code *} matches any
 * run of characters, {@code ?} exactly one character (neither matches a newline, as in Go's
 * regexp {@code .}), every other character is literal. There are no bracket expressions. A
 * backslash escapes {@code *}, {@code ?} and {@code \}; before {@code }} or {@code /} it is
 * dropped (those need escaping only to get past the lexer); before anything else it makes the
 * pattern invalid.
 *
 * <p>Matching follows leftmost-first (backtracking) preference exactly like the Go regexp
 * BuildKit builds, with all stars greedy or all lazy, in linear time. Instances are immutable
 * and thread-safe.
 */
final class ShellPattern {

  private static final int STAR = -1;
  private static final int ONE = -2;

  /** Tokens as written: a code point (literal), STAR or ONE. */
  private final int[] tokens;
  /** Tokens for matching: like tokens, with runs of STAR collapsed. */
  private final int[] program;

  private ShellPattern(int[] tokens) {
    this.tokens = tokens;
    List<Integer> prog = new ArrayList<>();
    for (int t : tokens) {
      if (t == STAR && !prog.isEmpty() && prog.get(prog.size() - 1) == STAR) {
        continue;
      }
      prog.add(t);
    }
    this.program = prog.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Thrown by {@link #compile} with the reason a pattern is invalid. */
  static final class InvalidPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPatternException(String message) {
      super(message);
    }
  }

  /** Compiles {@code pattern}. */
  static ShellPattern compile(String pattern) throws InvalidPatternException {
    int[] cps = pattern.codePoints().toArray();
    List<Integer> out = new ArrayList<>(cps.length);
    int i = (cps.length > 0 && cps[0] == 0xFEFF) ? 1 : 0; // Go's text/scanner drops a leading BOM
    while (i < cps.length) {
      int c = cps[i++];
      if (c == '*') {
        out.add(STAR);
      } else if (c == '?') {
        out.add(ONE);
      } else if (c == '\\') {
        if (i < cps.length && (cps[i] == '}' || cps[i] == '/')) {
          continue;
        }
        if (i >= cps.length) {
          throw new InvalidPatternException("invalid escape '\\' at end of pattern");
        }
        int e = cps[i++];
        if (e != '*' && e != '?' && e != '\\') {
          throw new InvalidPatternException(
              "invalid escape '\\" + new String(Character.toChars(e)) + "'");
        }
        out.add(e);
      } else {
        out.add(c);
      }
    }
    return new ShellPattern(out.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Matches the pattern at the start of {@code value} (code points) and returns the end of the
   * preferred match, or -1: with {@code greedy} the longest, otherwise the shortest.
   */
  int matchPrefix(int[] value, boolean greedy) {
    return new Run(value, greedy).matchPrefix(0);
  }

  /**
   * Finds the leftmost match (stars greedy) at or after {@code from}; returns
   * {@code {start, end}} or null.
   */
  int[] find(int[] value, int from) {
    Run run = new Run(value, true);
    return run.find(from);
  }

  /** Replaces the leftmost match with {@code replacement} taken literally. */
  String replaceFirst(String value, String replacement) {
    int[] cps = value.codePoints().toArray();
    int[] m = find(cps, 0);
    if (m == null) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    out.append(new String(cps, 0, m[0])).append(replacement);
    out.append(new String(cps, m[1], cps.length - m[1]));
    return out.toString();
  }

  /**
   * Replaces every match the way Go's {@code ReplaceAllString} does: matches do not overlap, an
   * empty match right after a previous match is skipped, and the replacement is a
   * {@link GoTemplate}.
   */
  String replaceAll(String value, String template) {
    int[] cps = value.codePoints().toArray();
    Run run = new Run(cps, true);
    StringBuilder out = new StringBuilder();
    int lastEnd = 0;
    int search = 0;
    while (search <= cps.length) {
      int[] m = run.find(search);
      if (m == null) {
        break;
      }
      out.append(new String(cps, lastEnd, m[0] - lastEnd));
      if (m[1] > lastEnd || m[0] == 0) {
        GoTemplate.expand(template, new String(cps, m[0], m[1] - m[0]), out);
      }
      lastEnd = m[1];
      search = Math.max(search + 1, m[1]);
    }
    out.append(new String(cps, lastEnd, cps.length - lastEnd));
    return out.toString();
  }

  /**
   * The Go regexp text BuildKit builds for this pattern ({@code convertShellPatternToRegex});
   * used only to check the pattern parser against upstream's vectors.
   */
  String toGoRegex(boolean greedy, boolean anchored) {
    StringBuilder out = new StringBuilder();
    if (anchored) {
      out.append('^');
    }
    for (int t : tokens) {
      if (t == STAR) {
        out.append(greedy ? ".*" : ".*?");
      } else if (t == ONE) {
        out.append('.');
      } else {
        if ("[]{}.+()|^$*?\\".indexOf(t) >= 0) {
          out.append('\\');
        }
        out.appendCodePoint(t);
      }
    }
    return out.toString();
  }

  /**
   * A Pike VM over one value: threads are kept in priority order (a greedy star prefers to
   * consume, a lazy one to stop), a thread reaching the end records a match and cuts off the
   * lower-priority threads, so the result is the leftmost-first match a backtracking engine
   * would find, in time linear in pattern length times value length.
   */
  private final class Run {
    private final int[] value;
    private final boolean greedy;
    private final int end = program.length;
    private final int[] visited = new int[program.length + 1];
    private int generation;

    Run(int[] value, boolean greedy) {
      this.value = value;
      this.greedy = greedy;
    }

    /** The match starting exactly at {@code from}; returns its end or -1. */
    int matchPrefix(int from) {
      int[] m = run(from, false);
      return m == null ? -1 : m[1];
    }

    /** The leftmost match starting at or after {@code from}: {start, end} or null. */
    int[] find(int from) {
      return run(from, true);
    }

    private int[] run(int from, boolean unanchored) {
      Threads current = new Threads(end + 1);
      Threads next = new Threads(end + 1);
      int[] match = null;
      generation++;
      add(current, 0, from);
      for (int i = from; ; i++) {
        if (unanchored && match == null && i > from) {
          add(current, 0, i); // a new start, after every older thread in priority
        }
        if (current.size == 0) {
          break;
        }
        generation++;
        next.size = 0;
        int c = i < value.length ? value[i] : -1;
        for (int t = 0; t < current.size; t++) {
          int pc = current.pcs[t];
          if (pc == end) {
            match = new int[] {current.starts[t], i};
            break; // lower-priority threads can no longer win
          }
          if (c < 0) {
            continue;
          }
          int op = program[pc];
          if (op == STAR) {
            if (c != '\n') {
              add(next, pc, current.starts[t]);
            }
          } else if (op == ONE ? c != '\n' : op == c) {
            add(next, pc + 1, current.starts[t]);
          }
        }
        if (i >= value.length) {
          break;
        }
        Threads swap = current;
        current = next;
        next = swap;
        if (!unanchored && current.size == 0) {
          break;
        }
      }
      return match;
    }

    /** Adds the thread at pc and everything reachable without input, in priority order. */
    private void add(Threads list, int pc, int start) {
      if (visited[pc] == generation) {
        return;
      }
      visited[pc] = generation;
      if (pc < end && program[pc] == STAR) {
        if (greedy) {
          list.push(pc, start);
          add(list, pc + 1, start); // never a star: runs of stars are collapsed
        } else {
          add(list, pc + 1, start);
          list.push(pc, start);
        }
      } else {
        list.push(pc, start);
      }
    }
  }

  /** A list of threads: program counter and match start. */
  private static final class Threads {
    final int[] pcs;
    final int[] starts;
    int size;

    Threads(int capacity) {
      pcs = new int[capacity];
      starts = new int[capacity];
    }

    void push(int pc, int start) {
      pcs[size] = pc;
      starts[size] = start;
      size++;
    }
  }
}
