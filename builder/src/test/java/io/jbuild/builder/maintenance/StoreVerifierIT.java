package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildResult;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.cli.CacheCommand;
import io.jbuild.oci.Digest;
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

/** {@code cache verify [--repair]} on real builds: what it flags, what repair removes, what it never touches. */
class StoreVerifierIT {
  private static final String NAME = "docker.io/library/v:1";
  @TempDir Path tmp;

  private Path twoLayerImage(Path home) throws Exception {
    Path ctx = Homes.context(tmp.resolve("ctx"), "FROM scratch\nCOPY a.txt /a.txt\nCOPY b.bin /b.bin\n",
        Map.of("a.txt", "hello\n".getBytes(), "b.bin", Homes.noise(1, 200_000)));
    Homes.build(home, ctx, "v:1");
    return ctx;
  }

  @Test
  void aFreshStoreIsSoundAndRepairTouchesNothing() throws Exception {
    Path home = tmp.resolve("home");
    twoLayerImage(home);
    JbuildHome h = new JbuildHome(home);
    VerifyReport r = StoreVerifier.of(h).verify(StoreVerifier.Options.check());
    assertTrue(r.sound(), r.problems().toString());
    assertEquals(1, r.names());
    assertEquals(2, r.cacheEntries());
    assertEquals(4, r.blobs(), "manifest, config, two layers");
    List<Digest> before = Homes.blobs(home).list().toList();
    VerifyReport repaired = StoreVerifier.of(h).verify(StoreVerifier.Options.check().withRepair(true)
        .withTempAge(Duration.ZERO));
    assertTrue(repaired.problems().isEmpty(), repaired.problems().toString());
    assertEquals(before, Homes.blobs(home).list().toList());
    assertEquals(2, Homes.cacheEntries(home));
  }

  @Test
  void aCorruptLayerIsFoundAndRepairDropsItAndWhatNeedsIt() throws Exception {
    Path home = tmp.resolve("home");
    Path ctx = twoLayerImage(home);
    JbuildHome h = new JbuildHome(home);
    Digest first = Homes.manifest(home, NAME).layers().get(0).digest();
    Digest second = Homes.manifest(home, NAME).layers().get(1).digest();
    Homes.corrupt(home, second);
    // a stale temp blob and a half-extracted layer a killed build left behind
    Path stale = Files.createDirectories(h.tmp().resolve("ingest")).resolve("blob-123.tmp");
    Files.write(stale, new byte[10]);
    Path half = Files.createDirectories(h.layers().resolve(".tmp-abc-123/etc"));
    Files.writeString(half.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");

    VerifyReport r = StoreVerifier.of(h).verify(StoreVerifier.Options.check());
    assertFalse(r.sound());
    assertEquals(2, r.tempsInFlight(), "young temp items may belong to a running build");
    assertEquals(List.of("blob", "name", "cache entry"), r.problems().stream().map(Problem::what).toList());
    assertTrue(r.problems().get(1).detail().contains("layer " + second + " is corrupt"), r.problems().toString());

    StringWriter out = new StringWriter();
    int exit = new CommandLine(new CacheCommand.Verify(h)).setOut(new PrintWriter(out)).execute();
    assertEquals(1, exit, out.toString());
    assertTrue(out.toString().contains("problem: blob " + Homes.blobs(home).path(second)), out.toString());

    out = new StringWriter();
    exit = new CommandLine(new CacheCommand.Verify(h)).setOut(new PrintWriter(out))
        .execute("--repair", "--temp-age", "0");
    assertEquals(0, exit, out.toString());
    assertFalse(Homes.blobs(home).has(second));
    assertTrue(Homes.blobs(home).has(first), "a sound blob is never deleted");
    assertEquals(null, new NameIndex(h.index()).get(NAME));
    assertEquals(1, Homes.cacheEntries(home), "the first step's entry is sound and stays");
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(half.getParent()));

    VerifyReport after = StoreVerifier.of(h).verify(StoreVerifier.Options.check().withTempAge(Duration.ZERO));
    assertTrue(after.sound() && after.problems().isEmpty(), after.problems().toString());
    BuildResult rebuilt = Homes.build(home, ctx, "v:1");
    assertEquals(1, rebuilt.stepsCached());
    assertEquals(1, rebuilt.stepsRun());
    assertTrue(Homes.blobs(home).has(second), "the rebuild restores the same layer");
    assertTrue(StoreVerifier.of(h).verify(StoreVerifier.Options.check()).sound());
  }

  @Test
  void unreadableEntriesAndNamesWithMissingBlobsAreBroken() throws Exception {
    Path home = tmp.resolve("home");
    twoLayerImage(home);
    JbuildHome h = new JbuildHome(home);
    Digest config = Homes.manifest(home, NAME).config().digest();
    Files.delete(Homes.blobs(home).path(config));
    Path garbage = h.cache().resolve("ab".repeat(32));
    Files.writeString(garbage, "{\"config\": tru");
    Path oldTemp = h.cache().resolve(".x-1.tmp");
    Files.writeString(oldTemp, "{");
    Files.setLastModifiedTime(oldTemp, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    VerifyReport r = StoreVerifier.of(h).verify(StoreVerifier.Options.check().withRepair(true));
    assertEquals(List.of("name", "cache entry", "temp"), r.problems().stream().map(Problem::what).toList(),
        r.problems().toString());
    assertTrue(r.problems().get(0).detail().contains("config " + config + " is missing"));
    assertTrue(r.problems().stream().allMatch(Problem::repaired));
    assertFalse(Files.exists(garbage));
    assertFalse(Files.exists(oldTemp));
    assertEquals(2, Homes.cacheEntries(home), "entries whose layers are present stay");
  }
}
