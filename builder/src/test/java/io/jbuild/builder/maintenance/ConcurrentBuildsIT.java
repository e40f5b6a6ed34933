package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildResult;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.oci.Digest;
import io.jbuild.registry.testing.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many builds on one {@code JBUILD_HOME} at once: four builder threads (two of them RUN steps in runc
 * on the busybox image) and two {@code jbuild build} processes, of Dockerfiles that share steps, while
 * {@code prune --all} runs in a loop. All succeed, agree on digests with each other and with a build
 * on a fresh home, and the store verifies clean afterwards.
 */
class ConcurrentBuildsIT {
  @TempDir Path tmp;

  @Test
  void overlappingBuildsInThreadsAndProcessesAgree() throws Exception {
    Map<String, byte[]> files = Map.of("a", Homes.noise(1, 400_000), "b", Homes.noise(2, 400_000),
        "c", Homes.noise(3, 400_000));
    String busybox = "oci-layout://" + BusyboxImage.layout().toAbsolutePath();
    Path d1 = Homes.context(tmp.resolve("d1"), "FROM scratch\nCOPY a /a\nCOPY b /b\n", files);
    Path d2 = Homes.context(tmp.resolve("d2"), "FROM scratch\nCOPY a /a\nCOPY c /c\n", files);
    Path d3 = Homes.context(tmp.resolve("d3"), "FROM " + busybox + "\nRUN echo hi > /x && mkdir -p /srv\n", files);
    Path home = tmp.resolve("home");
    JbuildHome h = new JbuildHome(home);
    // extract the busybox layer first: two builds extracting one layer at once trip a bug in
    // LayerCache.extracted (see LayerCacheRaceIT)
    Homes.build(home, Homes.context(tmp.resolve("warm"), "FROM " + busybox + "\nRUN true\n", Map.of()));

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<Digest>> threads = new ArrayList<>();
    Path[] contexts = {d1, d2, d3, d3};
    for (int i = 0; i < contexts.length; i++) {
      Path ctx = contexts[i];
      String tag = "t" + i + ":1";
      threads.add(pool.submit(() -> {
        go.await();
        BuildResult r = Homes.build(home, ctx, tag);
        return r.manifest().digest();
      }));
    }
    AtomicBoolean building = new AtomicBoolean(true);
    AtomicInteger prunes = new AtomicInteger();
    Future<?> pruner = pool.submit((Callable<Void>) () -> {
      go.await();
      while (building.get()) {
        Pruner.of(h).prune(PruneOptions.unreferenced().withAll(true));
        prunes.incrementAndGet();
        Thread.sleep(100);
      }
      return null;
    });
    List<Process> processes = new ArrayList<>();
    Map<String, String> env = Map.of("JBUILD_HOME", home.toString(), "SOURCE_DATE_EPOCH", "0");
    processes.add(Jvm.of(env, "io.jbuild.cli.Main", "build", "-t", "j1", d1.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("j1.log").toFile()).start());
    processes.add(Jvm.of(env, "io.jbuild.cli.Main", "build", "-t", "j2", d2.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("j2.log").toFile()).start());
    go.countDown();
    List<Digest> digests = new ArrayList<>();
    try {
      for (Future<Digest> f : threads) {
        digests.add(f.get(120, TimeUnit.SECONDS));
      }
      for (int i = 0; i < processes.size(); i++) {
        Process p = processes.get(i);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jbuild process " + i + " finished");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("j" + (i + 1) + ".log")));
      }
    } finally {
      building.set(false);
      processes.forEach(Process::destroyForcibly);
      pool.shutdown();
      pool.awaitTermination(120, TimeUnit.SECONDS);
    }
    pruner.get(60, TimeUnit.SECONDS);
    assertTrue(prunes.get() > 0, "prune ran during the builds");

    NameIndex names = new NameIndex(h.index());
    assertEquals(digests.get(0), names.get("docker.io/library/j1:latest").digest(), "thread and process agree");
    assertEquals(digests.get(1), names.get("docker.io/library/j2:latest").digest(), "thread and process agree");
    assertEquals(digests.get(2), digests.get(3), "two RUN builds agree");
    assertEquals(digests.get(0), Homes.build(tmp.resolve("fresh"), d1).manifest().digest(),
        "a fresh home agrees");
    assertEquals(digests.get(1), Homes.build(tmp.resolve("fresh"), d2).manifest().digest());
    VerifyReport report = StoreVerifier.of(h).verify(StoreVerifier.Options.check());
    assertTrue(report.sound(), report.problems().toString());
    assertEquals(6, report.names());
    assertEquals(0, report.tempsInFlight(), "builds leave no temp files behind");
  }
}
