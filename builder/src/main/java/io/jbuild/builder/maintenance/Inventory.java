package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of everything in a home and who references what: the blobs and diff ids pinned by names,
 * and per step cache entry the blobs and diff ids it holds (null for an unreadable entry, which no
 * build trusts). Read once by {@link Pruner} and {@link DiskUsage}.
 */
final class Inventory {
  final StoreScan scan;
  final Map<Digest, StoreItem> blobs = new LinkedHashMap<>();
  final Map<StoreItem, CacheEntries.Refs> entries = new LinkedHashMap<>();
  final Map<Digest, StoreItem> layers = new LinkedHashMap<>();
  final List<StoreItem> mounts;
  final List<StoreItem> temps;
  final Set<Digest> pinnedBlobs = new HashSet<>();
  final Set<Digest> pinnedDiffIds = new HashSet<>();

  private Inventory(JbuildHome home) throws IOException {
    this.scan = new StoreScan(home);
    for (StoreItem b : scan.blobs()) {
      blobs.put(new Digest("sha256", StoreScan.name(b.path())), b);
    }
    for (StoreItem e : scan.cacheEntries()) {
      CacheEntries.Refs refs;
      try {
        refs = CacheEntries.read(e.path());
      } catch (IOException unreadable) {
        refs = null;
      }
      entries.put(e, refs);
    }
    for (StoreItem l : scan.layers()) {
      layers.put(new Digest("sha256", StoreScan.name(l.path())), l);
    }
    mounts = scan.cacheMounts();
    temps = scan.temps();
    BlobStore store = BlobStore.open(home.blobs(), scan.ingestDir());
    Map<String, Descriptor> names;
    try {
      names = new NameIndex(home.index()).list();
    } catch (IOException e) {
      throw new IOException("reading the names of " + home.root() + " (run 'jbuild cache verify --repair'): "
          + e.getMessage(), e);
    }
    for (Descriptor d : names.values()) {
      ImageRefs refs = ImageRefs.of(store, d.digest(), x -> true);
      pinnedBlobs.addAll(refs.blobs());
      pinnedDiffIds.addAll(refs.diffIds());
    }
  }

  static Inventory read(JbuildHome home) throws IOException {
    return new Inventory(home);
  }

  /** Blobs referenced by at least one readable cache entry. */
  Set<Digest> cachedBlobs() {
    Set<Digest> out = new HashSet<>();
    entries.values().forEach(r -> {
      if (r != null) {
        out.addAll(r.blobs());
      }
    });
    return out;
  }

  /** Diff ids referenced by at least one readable cache entry. */
  Set<Digest> cachedDiffIds() {
    Set<Digest> out = new HashSet<>();
    entries.values().forEach(r -> {
      if (r != null) {
        out.addAll(r.diffIds());
      }
    });
    return out;
  }

  static long total(Iterable<StoreItem> items) {
    long n = 0;
    for (StoreItem i : items) {
      n += i.size();
    }
    return n;
  }
}
