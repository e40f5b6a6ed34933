package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildResult;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.cli.DuCommand;
import io.jbuild.cli.StorePruneCommand;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jbuild prune} and {@code jbuild du} on real builds: LRU order, --keep-storage, until, --all, grace. */
class PrunerIT {
  @TempDir Path tmp;

  /** A one-step image whose only layer holds {@code size} bytes of noise from {@code seed}. */
  private Path oneLayer(String name, long seed, int size) throws IOException {
    return Homes.context(tmp.resolve("ctx-" + name), "FROM scratch\nCOPY f /f\n", Map.of("f", Homes.noise(seed, size)));
  }

  private static Path entryOf(Path home, Digest layer) throws IOException {
    try (var s = Files.list(new JbuildHome(home).cache())) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.readString(p).contains(layer.toString())) {
          return p;
        }
      }
    }
    throw new AssertionError("no cache entry holds " + layer);
  }

  private static void age(Path file, Duration ago) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(ago)));
  }

  private static Digest layerOf(Path home, Path ctx) throws Exception {
    BuildResult r = Homes.build(home, ctx, "probe:latest");
    Digest layer = Homes.manifest(home, "docker.io/library/probe:latest").layers().get(0).digest();
    new NameIndex(new JbuildHome(home).index()).remove("docker.io/library/probe:latest");
    return layer;
  }

  @Test
  void keepStorageRemovesLeastRecentlyUsedFirstAndStopsBelowTheSize() throws Exception {
    Path home = tmp.resolve("home");
    JbuildHome h = new JbuildHome(home);
    Path a = oneLayer("a", 1, 300_000);
    Path b = oneLayer("b", 2, 300_000);
    Path c = oneLayer("c", 3, 300_000);
    Digest la = layerOf(home, a);
    Digest lb = layerOf(home, b);
    Digest lc = layerOf(home, c);
    age(entryOf(home, lb), Duration.ofHours(3));
    age(entryOf(home, la), Duration.ofHours(2));
    age(entryOf(home, lc), Duration.ofHours(1));
    long before = DiskUsage.of(h).total();
    long keep = before - 150_000;

    PruneReport r = Pruner.of(h).prune(PruneOptions.unreferenced().withKeepStorage(keep).withGrace(Duration.ZERO));
    assertTrue(r.usageAfter() <= keep, r.summary());
    assertTrue(r.usageAfter() > keep - 400_000, "stopped after the first victim: " + r.summary());
    assertEquals(r.usageAfter(), DiskUsage.of(h).total(), "the report's accounting matches a fresh measure");
    assertEquals(1, r.count(StoreItem.Kind.CACHE_ENTRY));
    assertFalse(Homes.blobs(home).has(lb), "the least recently used entry and its layer went");
    assertTrue(Homes.blobs(home).has(la));
    assertTrue(Homes.blobs(home).has(lc));
    assertEquals(0, Homes.build(home, a).stepsRun(), "a is still cached");
    assertEquals(1, Homes.build(home, b).stepsRun(), "b was pruned");
    assertTrue(StoreVerifier.of(h).verify(StoreVerifier.Options.check()).sound());
  }

  @Test
  void untilRemovesOnlyWhatWasLastUsedBeforeAndNamesPinTheirBlobs() throws Exception {
    Path home = tmp.resolve("home");
    JbuildHome h = new JbuildHome(home);
    Path old = oneLayer("old", 1, 50_000);
    Path recent = oneLayer("recent", 2, 50_000);
    Path named = oneLayer("named", 3, 50_000);
    Digest lOld = layerOf(home, old);
    Digest lRecent = layerOf(home, recent);
    Homes.build(home, named, "keep:1");
    ImageManifest keep = Homes.manifest(home, "docker.io/library/keep:1");
    age(entryOf(home, lOld), Duration.ofHours(48));
    age(entryOf(home, keep.layers().get(0).digest()), Duration.ofHours(48));
    age(entryOf(home, lRecent), Duration.ofHours(23));

    StringWriter out = new StringWriter();
    int exit = new CommandLine(new StorePruneCommand(h)).setOut(new PrintWriter(out))
        .execute("--filter", "until=24h", "--verbose");
    assertEquals(0, exit, out.toString());
    assertEquals(1, Homes.cacheEntries(home), out.toString());
    assertEquals(1, Homes.build(home, recent).stepsCached());
    // the default grace keeps every blob written minutes ago, referenced or not
    assertTrue(Homes.blobs(home).has(lOld));
    assertTrue(out.toString().contains("unreferenced items too recent to remove"), out.toString());

    PruneReport r = Pruner.of(h).prune(PruneOptions.unreferenced().withUntil(Duration.ofHours(24))
        .withGrace(Duration.ZERO));
    assertFalse(Homes.blobs(home).has(lOld), r.summary());
    assertTrue(Homes.blobs(home).has(lRecent));
    for (Descriptor d : keep.layers()) {
      assertTrue(Homes.blobs(home).has(d.digest()), "a named image keeps its layers");
    }
    assertTrue(Homes.blobs(home).has(keep.config().digest()));
    assertTrue(StoreVerifier.of(h).verify(StoreVerifier.Options.check()).sound());
  }

  @Test
  void allDropsTheCacheButKeepsNamesAndCacheMountsGoOnlyWhenAsked() throws Exception {
    Path home = tmp.resolve("home");
    JbuildHome h = new JbuildHome(home);
    Homes.build(home, oneLayer("named", 3, 50_000), "keep:1");
    Homes.build(home, oneLayer("other", 4, 50_000));
    Path mount = Files.createDirectories(home.resolve("cachemounts").resolve("cd".repeat(32)));
    Files.write(mount.resolve("go-build-cache"), Homes.noise(5, 10_000));

    StringWriter du = new StringWriter();
    assertEquals(0, new CommandLine(new DuCommand(h)).setOut(new PrintWriter(du)).execute("--verbose"));
    assertTrue(du.toString().matches("(?s).*\\ncache mounts +1 +10kB\\n.*"), du.toString());
    assertTrue(du.toString().contains("cache-mount"), du.toString());
    UsageReport usage = DiskUsage.of(h);
    long named = 0;
    ImageManifest m = Homes.manifest(home, "docker.io/library/keep:1");
    named += Files.size(Homes.blobs(home).path(m.config().digest())) + m.layers().get(0).size()
        + new NameIndex(h.index()).get("docker.io/library/keep:1").size();
    assertEquals(named, usage.bytes(DiskUsage.IMAGES));
    assertTrue(usage.bytes(DiskUsage.BUILD_CACHE) > 50_000, "the other image's layer is cache only");

    StringWriter out = new StringWriter();
    assertEquals(0, new CommandLine(new StorePruneCommand(h)).setOut(new PrintWriter(out)).execute("--all"));
    assertEquals(0, Homes.cacheEntries(home));
    assertTrue(Files.isDirectory(mount), "cache mounts stay without --cache-mounts");
    assertEquals(1, Homes.build(home, oneLayer("named", 3, 50_000), "keep:1").stepsRun(), "the cache is gone");
    assertEquals(m, Homes.manifest(home, "docker.io/library/keep:1"), "names are kept");

    out = new StringWriter();
    assertEquals(0, new CommandLine(new StorePruneCommand(h)).setOut(new PrintWriter(out)).execute("--cache-mounts"));
    assertFalse(Files.exists(mount), out.toString());
    assertTrue(out.toString().contains("1 cache mounts"), out.toString());

    StringWriter err = new StringWriter();
    assertEquals(2, new CommandLine(new StorePruneCommand(h)).setErr(new PrintWriter(err))
        .execute("--filter", "label=x"));
    assertTrue(err.toString().contains("unsupported filter 'label=x'"), err.toString());
    assertEquals(2, new CommandLine(new StorePruneCommand(h)).setErr(new PrintWriter(err))
        .execute("--keep-storage", "lots"));
    assertTrue(StoreVerifier.of(h).verify(StoreVerifier.Options.check()).sound());
  }

  @Test
  void pruneWaitsForRunningBuildsAndGivesUpWithAClearError() throws Exception {
    JbuildHome h = new JbuildHome(tmp.resolve("home"));
    Homes.build(h.root(), oneLayer("a", 1, 1000));
    try (StoreLock.Held build = StoreLock.of(h).shared()) {
      StoreBusyException e = org.junit.jupiter.api.Assertions.assertThrows(StoreBusyException.class,
          () -> Pruner.of(h).prune(PruneOptions.unreferenced().withAll(true).withLockWait(Duration.ofMillis(200))));
      assertTrue(e.getMessage().startsWith("store " + h.root() + " is in use by running builds"), e.getMessage());
    }
    assertEquals(1, Homes.cacheEntries(h.root()), "nothing was removed");
    List<StoreItem> removed = Pruner.of(h).prune(PruneOptions.unreferenced().withAll(true)).removed();
    assertEquals(1, removed.stream().filter(i -> i.kind() == StoreItem.Kind.CACHE_ENTRY).count());
  }
}
