package io.jbuild.cli;

import io.jbuild.builder.maintenance.PruneOptions;
import io.jbuild.builder.maintenance.PruneReport;
import io.jbuild.builder.maintenance.Pruner;
import io.jbuild.builder.maintenance.Sizes;
import io.jbuild.builder.maintenance.StoreItem;
import io.jbuild.builder.store.JbuildHome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jbuild prune [--keep-storage SIZE] [--filter until=DURATION] [--all] [--cache-mounts]}:
 * removes least recently used build cache and unreferenced blobs (see {@link Pruner}).
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Remove least recently used build cache and blobs nothing references.",
        "Without options only unreferenced blobs and abandoned temp files go; image names are never removed."},
    footer = {"", "Examples:", "  jbuild prune", "  jbuild prune --keep-storage 10GB",
        "  jbuild prune --filter until=24h", "  jbuild prune --all --cache-mounts"})
public final class StorePruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  private final JbuildHome home;

  @Option(names = "--keep-storage", paramLabel = "SIZE", converter = MaintenanceArgs.Size.class,
      description = "Remove least recently used cache until the store uses at most SIZE (e.g. 10GB)")
  Long keepStorage;

  @Option(names = "--filter", paramLabel = "until=DURATION", converter = MaintenanceArgs.Until.class,
      description = "Remove only cache last used longer ago than DURATION (e.g. 24h)")
  List<Duration> until = new ArrayList<>();

  @Option(names = {"-a", "--all"}, description = "Drop the whole step cache and extracted layers (names are kept)")
  boolean all;

  @Option(names = "--cache-mounts", description = "Also remove RUN --mount=type=cache directories")
  boolean cacheMounts;

  @Option(names = "--wait", paramLabel = "DURATION", converter = MaintenanceArgs.GoDur.class, defaultValue = "1m",
      description = "Wait this long for running builds to finish (default: ${DEFAULT-VALUE})")
  Duration wait;

  @Option(names = {"-v", "--verbose"}, description = "List every item removed")
  boolean verbose;

  public StorePruneCommand() {
    this(JbuildHome.fromEnvironment());
  }

  /** For tests and embedders: prunes {@code home}. */
  public StorePruneCommand(JbuildHome home) {
    this.home = home;
  }

  @Override
  public Integer call() throws Exception {
    Duration age = until.stream().max(Duration::compareTo).orElse(null);
    PruneReport r = Pruner.of(home).prune(new PruneOptions(keepStorage, age, all, cacheMounts, null, null, wait));
    PrintWriter out = spec.commandLine().getOut();
    if (verbose) {
      for (StoreItem i : r.removed()) {
        out.printf(Locale.ROOT, "removed %-12s %10s  %s%n", i.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            Sizes.human(i.size()), home.root().relativize(i.path()));
      }
    }
    for (String f : r.failures()) {
      spec.commandLine().getErr().println("jbuild: warning: " + f);
    }
    out.println(r.summary());
    out.flush();
    spec.commandLine().getErr().flush();
    return ExitCodes.OK;
  }
}
