package io.jbuild.cli;

import io.jbuild.builder.maintenance.Problem;
import io.jbuild.builder.maintenance.StoreVerifier;
import io.jbuild.builder.maintenance.VerifyReport;
import io.jbuild.builder.store.JbuildHome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbuild cache verify [--repair]}: checks (and repairs) the local store. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Inspect and repair the local store.",
    subcommands = CacheCommand.Verify.class)
public final class CacheCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code jbuild cache verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Check every blob against its digest, every name and step cache entry against its blobs, "
          + "extracted layers and temp files.",
          "Exits 1 when problems remain (always after --repair unless a repair failed)."},
      footer = {"", "Examples:", "  jbuild cache verify", "  jbuild cache verify --repair"})
  public static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final JbuildHome home;

    @Option(names = "--repair", description = "Delete what is broken (corrupt blobs, names and cache entries "
        + "needing missing blobs, half-extracted layers, temp files unused for --temp-age)")
    boolean repair;

    @Option(names = "--temp-age", paramLabel = "DURATION", converter = MaintenanceArgs.GoDur.class,
        description = "Temp files unused this long are abandoned (default: ${DEFAULT-VALUE})", defaultValue = "1h")
    Duration tempAge;

    @Option(names = "--wait", paramLabel = "DURATION", converter = MaintenanceArgs.GoDur.class,
        description = "With --repair, wait this long for running builds (default: ${DEFAULT-VALUE})",
        defaultValue = "1m")
    Duration wait;

    public Verify() {
      this(JbuildHome.fromEnvironment());
    }

    /** For tests and embedders: verifies {@code home}. */
    public Verify(JbuildHome home) {
      this.home = home;
    }

    @Override
    public Integer call() throws Exception {
      VerifyReport r = StoreVerifier.of(home).verify(StoreVerifier.Options.check().withRepair(repair)
          .withTempAge(tempAge).withLockWait(wait));
      PrintWriter out = spec.commandLine().getOut();
      for (Problem p : r.problems()) {
        out.println((p.repaired() ? "removed: " : "problem: ") + p.what() + " " + p.path() + ": " + p.detail());
      }
      out.println(r.summary());
      out.flush();
      return r.sound() ? ExitCodes.OK : ExitCodes.BUILD_ERROR;
    }
  }
}
