package io.jbuild.builder.progress;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Chooses and creates the {@link ProgressView} of a build. The mode comes from {@code --progress}, else
 * the {@code JBUILD_PROGRESS} environment variable, else {@code auto}; {@code auto} means {@code tty} when
 * stderr is a terminal ({@link #stderrIsTerminal()}) and {@code TERM} is not {@code dumb}, otherwise
 * {@code plain}, so CI logs never receive cursor movement. Colours are used in {@code tty} mode unless
 * {@code NO_COLOR} is set to a non-empty value (<a href="https://no-color.org">no-color.org</a>). The live
 * view's width comes from {@code COLUMNS}, else {@code stty size}, else 80.
 */
public final class ProgressModes {
  /** The environment variable read when {@code --progress} is not given. */
  public static final String ENV = "JBUILD_PROGRESS";

  /** A {@code --progress} value. */
  public enum Mode {
    AUTO, TTY, PLAIN, RAWJSON, QUIET;

    /** The value as written on the command line. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@code --progress} value (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Mode parse(String value) {
      for (Mode m : values()) {
        if (m.label().equalsIgnoreCase(value.trim())) {
          return m;
        }
      }
      throw new IllegalArgumentException("invalid progress mode \"" + value
          + "\": expected auto, tty, plain, rawjson or quiet");
    }
  }

  private ProgressModes() {}

  /**
   * The concrete mode (never {@link Mode#AUTO}) for {@code flag} (may be {@code null}), the environment
   * and whether stderr is a terminal.
   *
   * @throws IllegalArgumentException if the flag or {@code JBUILD_PROGRESS} is not a mode
   */
  public static Mode resolve(String flag, Map<String, String> env, boolean terminal) {
    Mode mode;
    if (flag != null) {
      mode = Mode.parse(flag);
    } else {
      String fromEnv = env.get(ENV);
      try {
        mode = fromEnv == null || fromEnv.isBlank() ? Mode.AUTO : Mode.parse(fromEnv);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ENV + ": " + e.getMessage(), e);
      }
    }
    if (mode != Mode.AUTO) {
      return mode;
    }
    return terminal && !"dumb".equals(env.get("TERM")) ? Mode.TTY : Mode.PLAIN;
  }

  /** Whether colours may be used: {@code NO_COLOR} unset or empty. */
  public static boolean color(Map<String, String> env) {
    String v = env.get("NO_COLOR");
    return v == null || v.isEmpty();
  }

  /**
   * The view for {@code flag} (may be {@code null}) in this process: reads the environment and whether
   * stderr is a terminal, and draws on {@code err}.
   *
   * @throws IllegalArgumentException if the flag or {@code JBUILD_PROGRESS} is not a mode
   */
  public static ProgressView create(String flag, PrintStream err) {
    Map<String, String> env = System.getenv();
    return create(resolve(flag, env, stderrIsTerminal()), env, err);
  }

  /**
   * Whether stderr is a terminal: {@code System.console()} exists (stdin and stdout are terminals) and, on
   * Linux, {@code /proc/self/fd/2} is a terminal device too, so {@code jbuild ... 2>build.log} writes plain
   * lines even when run from a terminal.
   */
  public static boolean stderrIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    try {
      return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true; // no /proc: trust the console
    }
  }

  /** Whether a file descriptor's target names a terminal ({@code /dev/pts/N}, {@code /dev/ttyN}, ...). */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
  }

  /** The view of a concrete {@code mode} ({@link Mode#AUTO} counts as plain) drawing on {@code err}. */
  public static ProgressView create(Mode mode, Map<String, String> env, PrintStream err) {
    Clock clock = Clock.systemUTC();
    return switch (mode) {
      case TTY -> {
        int[] size = terminalSize(env);
        yield TtyProgress.start(writer(err), color(env), size[1],
            Math.max(1, Math.min(TtyProgress.DEFAULT_MAX_LINES, size[0] - 2)));
      }
      case RAWJSON -> new RawJsonProgress(writer(err), clock);
      case QUIET -> new QuietProgress(clock);
      case PLAIN, AUTO -> new PlainProgressView(err, clock);
    };
  }

  private static PrintWriter writer(PrintStream err) {
    Charset cs = StandardCharsets.UTF_8;
    return new PrintWriter(new OutputStreamWriter(err, cs), false);
  }

  /** {rows, columns} of the terminal: {@code LINES}/{@code COLUMNS}, else {@code stty size}, else 24x80. */
  static int[] terminalSize(Map<String, String> env) {
    int rows = number(env.get("LINES"));
    int cols = number(env.get("COLUMNS"));
    if (rows <= 0 || cols <= 0) {
      int[] stty = stty();
      rows = rows > 0 ? rows : stty[0];
      cols = cols > 0 ? cols : stty[1];
    }
    return new int[] {rows > 0 ? rows : 24, Math.max(20, cols > 0 ? cols : 80)};
  }

  private static int[] stty() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return new int[] {0, 0};
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new int[] {0, 0};
      }
      String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      return parts.length == 2 ? new int[] {number(parts[0]), number(parts[1])} : new int[] {0, 0};
    } catch (IOException e) {
      return new int[] {0, 0};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new int[] {0, 0};
    }
  }

  private static int number(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
