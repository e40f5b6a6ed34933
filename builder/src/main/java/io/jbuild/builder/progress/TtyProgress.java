package io.jbuild.builder.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --progress=tty}: a live view on a terminal. Below the permanent output it keeps a live area of at
 * most {@code maxLines} lines: running steps with their elapsed time ({@code => [build 2/5] RUN make  3.4s})
 * and the last output line of each, then byte transfers with a bar
 * ({@code pull sha256:ab12cd34ef56 [=====>    ] 1.2 MB / 4.1 MB}). About ten times a second the live area is
 * erased with ANSI cursor movement ({@code ESC[nA}, {@code ESC[J}) and redrawn; finished steps are printed
 * once above it as permanent lines ({@code [build 2/5] RUN make  1.2s}, {@code ... CACHED},
 * {@code ... ERROR 0.3s} followed by the step's last output lines). Live lines are cut to the terminal width
 * so that they never wrap. Colours (SGR) only when enabled ({@code NO_COLOR} unset).
 *
 * <p>All output happens in {@link #tick()}, under this object's lock; events only change state. Tests drive
 * it with a fake clock and call {@code tick()} themselves; {@link #start} adds a daemon redraw thread.
 */
public final class TtyProgress implements ProgressView {
  /** The default height of the live area. */
  public static final int DEFAULT_MAX_LINES = 10;
  static final String RESET = "\033[0m";
  static final String RED = "\033[31m";
  static final String GREEN = "\033[32m";
  static final String CYAN = "\033[36m";
  static final String DIM = "\033[2m";
  private static final int KEPT_LOG_LINES = 10;
  private static final int BAR = 20;

  private final PrintWriter out;
  private final Clock clock;
  private final boolean color;
  private final int width;
  private final int maxLines;
  private final Instant start;
  private final ProgressTally tally = new ProgressTally();
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final Map<String, Moving> transfers = new LinkedHashMap<>();
  private final List<String> pending = new ArrayList<>();
  private int drawn;
  private boolean closed;
  private ScheduledExecutorService ticker;

  /** A view without a redraw thread: output appears on each {@link #tick()}. */
  TtyProgress(PrintWriter out, Clock clock, boolean color, int width, int maxLines) {
    if (width < 20 || maxLines < 1) {
      throw new IllegalArgumentException("tty progress: width " + width + " or height " + maxLines + " too small");
    }
    this.out = out;
    this.clock = clock;
    this.color = color;
    this.width = width;
    this.maxLines = maxLines;
    this.start = clock.instant();
  }

  /** A live view on {@code out}, redrawn every 100 ms by a daemon thread until {@link #close()}. */
  public static TtyProgress start(PrintWriter out, boolean color, int width, int maxLines) {
    TtyProgress view = new TtyProgress(out, Clock.systemUTC(), color, width, maxLines);
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread th = new Thread(r, "jbuild-progress");
      th.setDaemon(true);
      return th;
    });
    synchronized (view) {
      view.ticker = t;
    }
    t.scheduleAtFixedRate(view::tick, 100, 100, TimeUnit.MILLISECONDS);
    return view;
  }

  @Override
  public synchronized void onStep(StepEvent e) {
    tally.record(e);
    String key = e.stage() + "\u0000" + e.index();
    String head = head(e);
    switch (e.state()) {
      case STARTED -> running.put(key, new Running(head, clock.instant()));
      case LOG -> {
        Running r = running.get(key);
        if (r != null && e.output() != null) {
          r.log(clean(e.output()));
        }
      }
      case CACHED -> {
        running.remove(key);
        pending.add(head + "  " + paint(CYAN, "CACHED"));
      }
      case DONE -> {
        running.remove(key);
        pending.add(head + "  " + paint(GREEN, BuildSummary.seconds(e.elapsed())));
      }
      case ERROR -> {
        Running r = running.remove(key);
        pending.add(paint(RED, head + "  ERROR " + BuildSummary.seconds(e.elapsed())));
        if (r != null) {
          for (String line : r.logs) {
            pending.add(paint(DIM, "  > " + line));
          }
        }
      }
      default -> { }
    }
  }

  @Override
  public synchronized void onMessage(String message) {
    pending.add(message);
  }

  @Override
  public synchronized void onTransfer(TransferEvent e) {
    tally.record(e);
    if (e.finished()) {
      Moving m = transfers.remove(e.id());
      Instant since = m == null ? clock.instant() : m.since;
      pending.add(e.status() == TransferEvent.Status.SKIPPED
          ? e.kind().label() + " " + e.label() + "  " + paint(CYAN, "exists")
          : e.kind().label() + " " + e.label() + "  " + BuildSummary.bytes(e.bytes()) + "  "
              + paint(GREEN, BuildSummary.seconds(Duration.between(since, clock.instant()))));
    } else {
      Moving m = transfers.get(e.id());
      if (m == null || e.status() == TransferEvent.Status.STARTED) {
        transfers.put(e.id(), new Moving(e, m == null ? clock.instant() : m.since));
      } else {
        m.last = e;
      }
    }
  }

  @Override
  public void onPhase(PhaseEvent e) {
    tally.record(e);
  }

  @Override
  public synchronized BuildSummary finish() {
    BuildSummary s = tally.summary(Duration.between(start, clock.instant()));
    pending.add(paint(GREEN, s.line()));
    return s;
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      if (closed) {
        return;
      }
      t = ticker;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      closed = true;
      tick();
    }
  }

  /** Erases the live area, prints the permanent lines that arrived since the last tick, redraws; returns what was written. */
  synchronized String tick() {
    String frame = frame();
    if (!frame.isEmpty()) {
      out.print(frame);
      out.flush();
    }
    return frame;
  }

  private String frame() {
    StringBuilder sb = new StringBuilder();
    if (drawn > 0) {
      sb.append("\033[").append(drawn).append("A\r\033[J");
    }
    for (String p : pending) {
      sb.append(p).append('\n');
    }
    pending.clear();
    List<String> live = closed ? List.of() : liveLines();
    for (String l : live) {
      sb.append(l).append('\n');
    }
    drawn = live.size();
    return sb.toString();
  }

  private List<String> liveLines() {
    Instant now = clock.instant();
    List<String[]> lines = new ArrayList<>(); // {text, colour or null}
    for (Running r : running.values()) {
      String timer = BuildSummary.seconds(Duration.between(r.since, now));
      lines.add(new String[] {fit("=> " + r.head, width - timer.length() - 3) + "  " + timer, null});
      if (!r.logs.isEmpty()) {
        lines.add(new String[] {fit("   > " + r.logs.peekLast(), width - 1), DIM});
      }
    }
    for (Moving m : transfers.values()) {
      lines.add(new String[] {transferLine(m.last), null});
    }
    if (lines.size() > maxLines) {
      int hidden = lines.size() - (maxLines - 1);
      lines = new ArrayList<>(lines.subList(0, maxLines - 1));
      lines.add(new String[] {"   ... and " + hidden + " more", DIM});
    }
    List<String> result = new ArrayList<>(lines.size());
    for (String[] l : lines) {
      result.add(l[1] == null ? l[0] : paint(l[1], l[0]));
    }
    return result;
  }

  private String transferLine(TransferEvent e) {
    String size = e.total() >= 0
        ? BuildSummary.bytes(e.bytes()) + " / " + BuildSummary.bytes(e.total())
        : BuildSummary.bytes(e.bytes());
    String bar = "";
    if (e.total() > 0) {
      int filled = (int) Math.min(BAR, e.bytes() * BAR / e.total());
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < BAR; i++) {
        b.append(i < filled ? '=' : i == filled ? '>' : ' ');
      }
      bar = b.append("] ").toString();
    }
    String tail = "  " + bar + size;
    return fit(e.kind().label() + " " + e.label(), width - tail.length() - 1) + tail;
  }

  private static String head(StepEvent e) {
    return "[" + e.stage() + " " + e.index() + "/" + e.total() + "] " + clean(e.text());
  }

  /** Cuts {@code s} to at most {@code room} characters, ending in {@code ...} when cut. */
  static String fit(String s, int room) {
    if (room < 4) {
      room = 4;
    }
    return s.length() <= room ? s : s.substring(0, room - 3) + "...";
  }

  /**
   * Drops ANSI escape sequences ({@code ESC [ ... final-byte}, {@code ESC ] ... BEL}, other two-byte
   * escapes) and turns other control characters (tabs, carriage returns) into spaces, so that a line of RUN
   * output has a known width and cannot move the cursor.
   */
  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\033') {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        if (next == '[') {
          i += 2;
          while (i < s.length() && (s.charAt(i) < 0x40 || s.charAt(i) > 0x7e)) {
            i++;
          }
        } else if (next == ']') {
          i += 2;
          while (i < s.length() && s.charAt(i) != 0x07 && !(s.charAt(i) == '\033' && i + 1 < s.length()
              && s.charAt(i + 1) == '\\')) {
            i++;
          }
          if (i < s.length() && s.charAt(i) == '\033') {
            i++;
          }
        } else {
          i++;
        }
      } else {
        sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
      }
    }
    return sb.toString().stripTrailing();
  }

  private String paint(String sgr, String text) {
    return color ? sgr + text + RESET : text;
  }

  /** A step that started and has not finished. */
  private static final class Running {
    final String head;
    final Instant since;
    final Deque<String> logs = new ArrayDeque<>();

    Running(String head, Instant since) {
      this.head = head;
      this.since = since;
    }

    void log(String line) {
      if (logs.size() == KEPT_LOG_LINES) {
        logs.removeFirst();
      }
      logs.addLast(line);
    }
  }

  /** A transfer under way. */
  private static final class Moving {
    TransferEvent last;
    final Instant since;

    Moving(TransferEvent last, Instant since) {
      this.last = last;
      this.since = since;
    }
  }
}
