package io.jbuild.builder.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --chmod} value: octal ({@code 755}, {@code 0644}, up to {@code 7777}) replacing the
 * permission bits, or symbolic like chmod(1) ({@code u+x,g-w,o=r}, who {@code ugoa} (none means
 * {@code a}), operators {@code + - =}, permissions {@code rwxXst}; {@code X} adds execute only for
 * directories or entries that already have an execute bit) applied to each entry's own mode.
 */
public final class ChmodSpec {
  private record Clause(int who, char op, String perms) {}

  private final String text;
  private final Integer octal;
  private final List<Clause> clauses;

  private ChmodSpec(String text, Integer octal, List<Clause> clauses) {
    this.text = text;
    this.octal = octal;
    this.clauses = clauses;
  }

  /**
   * Parses a {@code --chmod} value.
   *
   * @throws IllegalArgumentException {@code invalid chmod "x"}, with the reason
   */
  public static ChmodSpec parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("invalid chmod \"\": empty");
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '7')) {
      if (text.length() > 4) {
        throw new IllegalArgumentException("invalid chmod \"" + text + "\": octal mode out of range");
      }
      return new ChmodSpec(text, Integer.parseInt(text, 8), List.of());
    }
    if (text.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("invalid chmod \"" + text + "\": not an octal number");
    }
    List<Clause> clauses = new ArrayList<>();
    for (String c : text.split(",", -1)) {
      int i = 0;
      int who = 0;
      while (i < c.length() && "ugoa".indexOf(c.charAt(i)) >= 0) {
        switch (c.charAt(i++)) {
          case 'u': who |= 04700; break;
          case 'g': who |= 02070; break;
          case 'o': who |= 01007; break;
          default: who |= 07777; break;
        }
      }
      if (who == 0) {
        who = 07777;
      }
      if (i >= c.length() || "+-=".indexOf(c.charAt(i)) < 0) {
        throw new IllegalArgumentException("invalid chmod \"" + text + "\": expected +, - or = in \"" + c + "\"");
      }
      char op = c.charAt(i++);
      String perms = c.substring(i);
      for (char p : perms.toCharArray()) {
        if ("rwxXst".indexOf(p) < 0) {
          throw new IllegalArgumentException("invalid chmod \"" + text + "\": unknown permission '" + p + "'");
        }
      }
      clauses.add(new Clause(who, op, perms));
    }
    return new ChmodSpec(text, null, List.copyOf(clauses));
  }

  /** Whether this is an octal (absolute) mode. */
  public boolean isOctal() {
    return octal != null;
  }

  /**
   * The new permission bits for an entry.
   *
   * @param mode the entry's current bits ({@code 07777})
   * @param directory whether the entry is a directory ({@code X})
   */
  public int apply(int mode, boolean directory) {
    if (octal != null) {
      return octal;
    }
    int m = mode & 07777;
    for (Clause c : clauses) {
      int bits = 0;
      for (char p : c.perms().toCharArray()) {
        switch (p) {
          case 'r': bits |= 0444; break;
          case 'w': bits |= 0222; break;
          case 'x': bits |= 0111; break;
          case 'X': if (directory || (m & 0111) != 0) { bits |= 0111; } break;
          case 's': bits |= 06000; break;
          default: bits |= 01000; break; // t
        }
      }
      bits &= c.who();
      switch (c.op()) {
        case '+': m |= bits; break;
        case '-': m &= ~bits; break;
        default: m = (m & ~c.who()) | bits; break;
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return text;
  }
}
