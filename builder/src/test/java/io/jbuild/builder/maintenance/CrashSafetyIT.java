package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildResult;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.oci.Digest;
import io.jbuild.registry.testing.BusyboxImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code jbuild build} process SIGKILLed at twenty random moments ({@link Process#destroyForcibly})
 * never breaks the next build on the same home: the next build succeeds with the digest a clean home
 * gives, {@code cache verify} finds nothing wrong (young temp items are a killed build's leftovers that
 * no build trusts), and {@code --repair} clears those leftovers. Every fifth round has a RUN step in
 * runc on the busybox image, so some kills land while a container runs.
 */
class CrashSafetyIT {
  private static final int ROUNDS = 20;
  @TempDir Path tmp;
  private Path home;

  @Test
  void killedBuildsNeverBreakTheNextOne() throws Exception {
    home = tmp.resolve("home");
    Path reference = tmp.resolve("reference");
    JbuildHome h = new JbuildHome(home);
    String busybox = "oci-layout://" + BusyboxImage.layout().toAbsolutePath();
    long seed = Long.getLong("jbuild.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    int killedMidway = 0;
    // kill at a random moment within how long such a build really takes on this machine, so the
    // kills land mid-build however fast or slow the machine (and jbuild) is
    long scratchMillis = fullBuildMillis(busybox, false);
    long runMillis = fullBuildMillis(busybox, true);
    for (int round = 0; round < ROUNDS; round++) {
      boolean run = round % 5 == 4;
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (int k = 0; k < 3; k++) {
        // shared files across rounds too, so cache hits and fresh work mix
        files.put("f" + k, Homes.noise(k == 0 ? 7 : round * 10L + k, 500_000));
      }
      String dockerfile = run
          ? "FROM " + busybox + "\nCOPY f0 /f0\nRUN md5sum /f0 > /sum && cp /f0 /f0.copy\nCOPY f1 /f1\n"
          : "FROM scratch\nCOPY f0 /f0\nCOPY f1 /f1\nCOPY f2 /f2\n";
      Path ctx = Homes.context(tmp.resolve("ctx" + round), dockerfile, files);
      Process p = Jvm.of(Map.of("JBUILD_HOME", home.toString(), "SOURCE_DATE_EPOCH", "0"), "io.jbuild.cli.Main",
              "build", "-t", "crash:" + round, ctx.toString())
          .redirectErrorStream(true).redirectOutput(tmp.resolve("round" + round + ".log").toFile()).start();
      long delay = 50 + random.nextInt((int) Math.max(100, (run ? runMillis : scratchMillis) * 9 / 10));
      boolean done = p.waitFor(delay, java.util.concurrent.TimeUnit.MILLISECONDS);
      p.destroyForcibly().waitFor();
      if (!done) {
        killedMidway++;
      }
      String context = "round " + round + " (seed " + seed + ", killed after " + delay + "ms)";
      BuildResult next = Homes.build(home, ctx, "crash:" + round);
      Digest expected = Homes.build(reference, ctx).manifest().digest();
      assertEquals(expected, next.manifest().digest(), context);
      VerifyReport v = StoreVerifier.of(h).verify(StoreVerifier.Options.check());
      assertTrue(v.sound(), context + ": " + v.problems());
    }
    assertTrue(killedMidway >= ROUNDS / 2, "most kills land during a build: " + killedMidway + " of " + ROUNDS);

    unmountLeftovers();
    VerifyReport repaired = StoreVerifier.of(h).verify(StoreVerifier.Options.check().withRepair(true)
        .withTempAge(Duration.ZERO));
    for (Problem problem : repaired.problems()) {
      assertEquals("temp", problem.what(), "only leftovers no build trusts: " + problem);
      assertTrue(problem.repaired(), problem.toString());
    }
    VerifyReport after = StoreVerifier.of(h).verify(StoreVerifier.Options.check().withTempAge(Duration.ZERO));
    assertTrue(after.problems().isEmpty() && after.tempsInFlight() == 0, after.summary());
    assertEquals(ROUNDS, after.names());
  }

  /** Wall-clock time of one complete build process of the kind the rounds run, in a throw-away home. */
  private long fullBuildMillis(String busybox, boolean run) throws Exception {
    Path calibration = tmp.resolve("calibration-" + run);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int k = 0; k < 3; k++) {
      files.put("f" + k, Homes.noise(1000L + k, 500_000));
    }
    String dockerfile = run
        ? "FROM " + busybox + "\nCOPY f0 /f0\nRUN md5sum /f0 > /sum && cp /f0 /f0.copy\nCOPY f1 /f1\n"
        : "FROM scratch\nCOPY f0 /f0\nCOPY f1 /f1\nCOPY f2 /f2\n";
    Path ctx = Homes.context(calibration.resolve("ctx"), dockerfile, files);
    long start = System.nanoTime();
    Process p = Jvm.of(Map.of("JBUILD_HOME", calibration.resolve("home").toString(), "SOURCE_DATE_EPOCH", "0"),
            "io.jbuild.cli.Main", "build", "-t", "calibration:1", ctx.toString())
        .redirectErrorStream(true).redirectOutput(calibration.resolve("build.log").toFile()).start();
    assertEquals(0, p.waitFor(), "calibration build, see " + calibration.resolve("build.log"));
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** A build killed during RUN leaves its overlay mounted; unmount it so the tree can go. */
  private void unmountLeftovers() throws IOException, InterruptedException {
    if (home == null) {
      return;
    }
    List<Path> mounts = StoreScan.mountsUnder(home.toAbsolutePath());
    for (int i = mounts.size() - 1; i >= 0; i--) {
      new ProcessBuilder("umount", "-l", mounts.get(i).toString()).inheritIO().start().waitFor();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    unmountLeftovers();
  }
}
