package io.jbuild.builder.maintenance;

import java.util.List;

/**
 * The outcome of {@link StoreVerifier#verify}: how many things were checked, the problems found
 * (each marked repaired or not) and young temp items left alone because a build may be writing them.
 */
public record VerifyReport(int blobs, int names, int cacheEntries, int layers, int cacheMounts,
    int tempsInFlight, List<Problem> problems) {

  public VerifyReport {
    problems = List.copyOf(problems);
  }

  /** The problems still present after this run. */
  public List<Problem> remaining() {
    return problems.stream().filter(p -> !p.repaired()).toList();
  }

  /** True when nothing is (still) wrong. */
  public boolean sound() {
    return remaining().isEmpty();
  }

  /** One line: what was checked and what was found. */
  public String summary() {
    long repaired = problems.size() - remaining().size();
    return "checked " + blobs + " blobs, " + names + " names, " + cacheEntries + " cache entries, " + layers
        + " extracted layers, " + cacheMounts + " cache mounts: "
        + (problems.isEmpty() ? "no problems" : problems.size() + " problems" + (repaired > 0 ? ", " + repaired
        + " repaired" : ""))
        + (tempsInFlight > 0 ? " (" + tempsInFlight + " temp items in use or recent, left alone)" : "");
  }
}
