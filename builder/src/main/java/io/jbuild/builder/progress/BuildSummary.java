package io.jbuild.builder.progress;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a build did, as printed at its end: wall-clock {@code total}, steps {@code cached}, {@code run}
 * and {@code failed}, {@code bytesPushed} to registries, and the time spent per {@link PhaseEvent.Phase}
 * (summed over every step; only phases that were reported appear, in pipeline order).
 */
public record BuildSummary(Duration total, int cached, int run, int failed, long bytesPushed,
    Map<PhaseEvent.Phase, Duration> phases) {

  public BuildSummary {
    Objects.requireNonNull(total, "total");
    if (cached < 0 || run < 0 || failed < 0 || bytesPushed < 0) {
      throw new IllegalArgumentException("build summary: negative count");
    }
    EnumMap<PhaseEvent.Phase, Duration> copy = new EnumMap<>(PhaseEvent.Phase.class);
    copy.putAll(phases);
    phases = Collections.unmodifiableMap(copy);
  }

  /** A summary without phase timings. */
  public static BuildSummary of(Duration total, int cached, int run, long bytesPushed) {
    return new BuildSummary(total, cached, run, 0, bytesPushed, Map.of());
  }

  /** Every step that finished one way or another. */
  public int steps() {
    return cached + run + failed;
  }

  /**
   * The one-line form: {@code total 12.3s, 5 steps (3 cached, 2 run), pushed 4.1 MB}; {@code , N failed}
   * joins the parenthesis when steps failed, and the push part appears only when bytes were pushed.
   */
  public String line() {
    StringBuilder sb = new StringBuilder("total ").append(seconds(total)).append(", ")
        .append(steps()).append(steps() == 1 ? " step (" : " steps (")
        .append(cached).append(" cached, ").append(run).append(" run");
    if (failed > 0) {
      sb.append(", ").append(failed).append(" failed");
    }
    sb.append(')');
    if (bytesPushed > 0) {
      sb.append(", pushed ").append(bytes(bytesPushed));
    }
    return sb.toString();
  }

  /** A duration as seconds with one decimal: {@code 12.3s}. */
  public static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  /**
   * A byte count in decimal units with one decimal, as Docker prints sizes: {@code 512 B},
   * {@code 4.1 kB}, {@code 4.1 MB}, {@code 1.0 GB}, {@code 2.5 TB}.
   */
  public static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double v = n;
    int u = -1;
    while (v >= 999.95 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
