package io.jbuild.builder.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal terminal for tests: applies text, {@code \n}, {@code \r}, cursor-up ({@code ESC[nA}) and
 * erase-below ({@code ESC[J}) to a screen of lines; colour sequences ({@code ESC[...m}) are dropped. Lets
 * tests assert what a person would see after the live view redrew itself many times.
 */
final class VirtualTerminal {
  private final List<StringBuilder> lines = new ArrayList<>();
  private int row;
  private int col;

  VirtualTerminal() {
    lines.add(new StringBuilder());
  }

  void apply(String output) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (c == '\033') {
        if (i + 1 >= output.length() || output.charAt(i + 1) != '[') {
          throw new AssertionError("unsupported escape at " + i + " in " + output);
        }
        int j = i + 2;
        while (j < output.length() && !Character.isLetter(output.charAt(j))) {
          j++;
        }
        String arg = output.substring(i + 2, j);
        char cmd = output.charAt(j);
        switch (cmd) {
          case 'A' -> {
            row -= arg.isEmpty() ? 1 : Integer.parseInt(arg);
            if (row < 0) {
              throw new AssertionError("cursor moved above the screen");
            }
          }
          case 'J' -> {
            StringBuilder cur = lines.get(row);
            cur.setLength(Math.min(col, cur.length()));
            while (lines.size() > row + 1) {
              lines.remove(lines.size() - 1);
            }
          }
          case 'm' -> { }
          default -> throw new AssertionError("unsupported escape ESC[" + arg + cmd);
        }
        i = j;
      } else if (c == '\n') {
        row++;
        col = 0;
        if (row == lines.size()) {
          lines.add(new StringBuilder());
        }
      } else if (c == '\r') {
        col = 0;
      } else {
        StringBuilder cur = lines.get(row);
        if (col < cur.length()) {
          cur.setCharAt(col, c);
        } else {
          while (cur.length() < col) {
            cur.append(' ');
          }
          cur.append(c);
        }
        col++;
      }
    }
  }

  /** The screen's lines, without the empty line the cursor sits on at the end. */
  List<String> screen() {
    List<String> out = new ArrayList<>();
    for (StringBuilder l : lines) {
      out.add(l.toString());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
