package io.jbuild.cli;

import io.jbuild.builder.maintenance.DiskUsage;
import io.jbuild.builder.maintenance.Sizes;
import io.jbuild.builder.maintenance.UsageReport;
import io.jbuild.builder.store.JbuildHome;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbuild du [--verbose]}: disk usage of the local store by category. */
@Command(name = "du", mixinStandardHelpOptions = true, description = "Show disk usage of the local store.",
    footer = {"", "Categories: images (blobs of named images), build cache (step cache entries and blobs only they "
        + "use), unreferenced (removed by 'jbuild prune'), extracted layers, cache mounts, temp.",
        "Examples:", "  jbuild du", "  jbuild du --verbose"})
public final class DuCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  private final JbuildHome home;

  @Option(names = {"-v", "--verbose"}, description = "List every entry")
  boolean verbose;

  public DuCommand() {
    this(JbuildHome.fromEnvironment());
  }

  /** For tests and embedders: measures {@code home}. */
  public DuCommand(JbuildHome home) {
    this.home = home;
  }

  @Override
  public Integer call() throws Exception {
    UsageReport r = DiskUsage.of(home);
    PrintWriter out = spec.commandLine().getOut();
    if (verbose) {
      out.printf(Locale.ROOT, "%-17s %-12s %10s  %-20s  %s%n", "CATEGORY", "KIND", "SIZE", "LAST USED", "PATH");
      r.items().stream()
          .sorted(Comparator.comparing((UsageReport.Line l) -> l.category()).thenComparing(l -> l.item().lastUsed()))
          .forEach(l -> out.printf(Locale.ROOT, "%-17s %-12s %10s  %-20s  %s%n", l.category(),
              l.item().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), Sizes.human(l.item().size()),
              l.item().lastUsed().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
              home.root().relativize(l.item().path())));
      out.println();
    }
    out.printf(Locale.ROOT, "%-17s %7s %10s%n", "CATEGORY", "ITEMS", "SIZE");
    for (UsageReport.Category c : r.categories()) {
      out.printf(Locale.ROOT, "%-17s %7d %10s%n", c.name(), c.count(), Sizes.human(c.bytes()));
    }
    out.printf(Locale.ROOT, "%-17s %7s %10s%n", "total", "", Sizes.human(r.total()));
    out.flush();
    return ExitCodes.OK;
  }
}
