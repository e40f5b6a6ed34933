package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.oci.store.CorruptBlobException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code jbuild cache verify [--repair]}: checks every blob against its digest, every name against
 * the blobs it needs (manifest, config, layers present and sound), every step cache entry against its
 * layer blobs, the extracted layers (a complete one is renamed into place under its diff id; a
 * {@code layers/.tmp-*} directory is a half-extraction no build trusts) and temp files. With repair it
 * deletes what is broken (corrupt blobs, names and entries needing missing or corrupt blobs,
 * abandoned temp items older than {@link Options#tempAge}) and nothing else; a young temp item may
 * belong to a running build and is left alone. Repair holds the {@link StoreLock} exclusively.
 */
public final class StoreVerifier {
  private final JbuildHome home;
  private final StoreScan scan;

  private StoreVerifier(JbuildHome home) {
    this.home = home;
    this.scan = new StoreScan(home);
  }

  /** How to verify: whether to repair, the age beyond which a temp item is abandoned, lock wait. */
  public record Options(boolean repair, Duration tempAge, Duration lockWait) {

    /** Check only; temp items older than an hour count as abandoned. */
    public static Options check() {
      return new Options(false, Duration.ofHours(1), Duration.ofMinutes(1));
    }

    public Options withRepair(boolean value) {
      return new Options(value, tempAge, lockWait);
    }

    public Options withTempAge(Duration value) {
      return new Options(repair, value, lockWait);
    }

    public Options withLockWait(Duration value) {
      return new Options(repair, tempAge, value);
    }
  }

  public static StoreVerifier of(JbuildHome home) {
    return new StoreVerifier(home);
  }

  /** Verifies (and with {@link Options#repair} repairs) the store; I/O failures name the path. */
  public VerifyReport verify(Options options) throws IOException {
    if (!Files.isDirectory(home.root())) {
      return new VerifyReport(0, 0, 0, 0, 0, 0, List.of());
    }
    if (!options.repair()) {
      return run(options);
    }
    try (StoreLock.Held held = StoreLock.of(home).exclusive(options.lockWait())) {
      return run(options);
    }
  }

  private VerifyReport run(Options o) throws IOException {
    BlobStore store = BlobStore.open(home.blobs(), scan.ingestDir());
    List<Problem> problems = new ArrayList<>();
    // blobs
    Set<Digest> corrupt = new HashSet<>();
    List<Digest> blobs;
    try (var s = store.list()) {
      blobs = s.toList();
    }
    for (Digest d : blobs) {
      try {
        store.verify(d);
      } catch (CorruptBlobException e) {
        corrupt.add(d);
        problems.add(fix(o, new Problem("blob", store.path(d), "content does not match its digest"),
            () -> store.delete(d)));
      } catch (IOException e) {
        if (store.has(d)) {
          corrupt.add(d);
          problems.add(new Problem("blob", store.path(d), "unreadable: " + e.getMessage(), false));
        }
      }
    }
    // names
    NameIndex index = new NameIndex(home.index());
    Map<String, Descriptor> names = Map.of();
    try {
      names = index.list();
    } catch (IOException e) {
      Path aside = home.index().resolveSibling("index.json.corrupt-" + Instant.now().toEpochMilli());
      problems.add(fix(o, new Problem("index", home.index(), e.getMessage() + "; moved aside to " + aside),
          () -> Files.move(home.index(), aside, StandardCopyOption.ATOMIC_MOVE)));
    }
    for (Map.Entry<String, Descriptor> n : names.entrySet()) {
      ImageRefs refs = ImageRefs.of(store, n.getValue().digest(), d -> !corrupt.contains(d));
      if (!refs.missing().isEmpty()) {
        problems.add(fix(o, new Problem("name", home.index(), n.getKey() + ": " + String.join(", ", refs.missing())),
            () -> index.remove(n.getKey())));
      }
    }
    // step cache entries
    List<StoreItem> entries = scan.cacheEntries();
    for (StoreItem e : entries) {
      String broken;
      try {
        CacheEntries.Refs refs = CacheEntries.read(e.path());
        List<String> bad = new ArrayList<>();
        for (Digest d : refs.blobs()) {
          if (corrupt.contains(d)) {
            bad.add("layer " + d + " is corrupt");
          } else if (!store.has(d)) {
            bad.add("layer " + d + " is missing");
          }
        }
        broken = bad.isEmpty() ? null : String.join(", ", bad);
      } catch (IOException ex) {
        broken = ex.getMessage();
      }
      if (broken != null) {
        problems.add(fix(o, new Problem("cache entry", e.path(), broken), () -> scan.delete(e)));
      }
    }
    // extracted layers are complete by construction (renamed into place); only their temp dirs matter
    List<StoreItem> layers = scan.layers();
    List<StoreItem> mounts = scan.cacheMounts();
    int inFlight = 0;
    Instant abandoned = Instant.now().minus(o.tempAge());
    for (StoreItem t : scan.temps()) {
      if (t.lastUsed().isAfter(abandoned)) {
        inFlight++;
        continue;
      }
      String what = t.path().startsWith(home.layers()) ? "half-extracted layer, never used by a build"
          : "abandoned temp " + (Files.isDirectory(t.path()) ? "directory" : "file");
      problems.add(fix(o, new Problem("temp", t.path(), what + ", unused since " + t.lastUsed()),
          () -> scan.delete(t)));
    }
    return new VerifyReport(blobs.size(), names.size(), entries.size(), layers.size(), mounts.size(), inFlight,
        problems);
  }

  private interface Repair {
    Object run() throws IOException;
  }

  private static Problem fix(Options o, Problem p, Repair repair) {
    if (!o.repair()) {
      return p;
    }
    try {
      repair.run();
      return p.repairedNow();
    } catch (IOException e) {
      return new Problem(p.what(), p.path(), p.detail() + "; repair failed: " + e.getMessage(), false);
    }
  }
}
