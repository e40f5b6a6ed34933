package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import io.jbuild.oci.Digest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jbuild prune}: removes least recently used step cache entries, extracted layers and (with
 * {@link PruneOptions#cacheMounts}) cache mounts, then every blob and extracted layer nothing
 * references any more.
 *
 * <p>Order: abandoned temp items go first. Candidates are then the cache entries and extracted layers
 * (only with {@code all}, {@code until} or {@code keepStorage}) and cache mounts (only with
 * {@code cacheMounts}), limited to those last used before {@code now - until}; without
 * {@code keepStorage} every candidate goes, with it candidates go oldest first until the home's usage
 * (everything under it, counting blobs that a removal leaves unreferenced as gone) is at most
 * {@code keepStorage}. Finally blobs referenced by no name (manifest, config, layers, index children)
 * and no remaining cache entry are removed, and extracted layers whose diff id nothing references.
 * Names are never removed. Blobs and layers younger than {@link PruneOptions#grace} are never removed,
 * and the whole run holds the {@link StoreLock} exclusively, so a running build loses nothing.
 */
public final class Pruner {
  private final JbuildHome home;
  private final Clock clock;

  private Pruner(JbuildHome home, Clock clock) {
    this.home = home;
    this.clock = clock;
  }

  public static Pruner of(JbuildHome home) {
    return new Pruner(home, Clock.systemUTC());
  }

  /** A pruner that takes "now" from {@code clock} (tests). */
  static Pruner of(JbuildHome home, Clock clock) {
    return new Pruner(home, clock);
  }

  /** Prunes; throws {@link StoreBusyException} when builds hold the store longer than the lock wait. */
  public PruneReport prune(PruneOptions options) throws IOException {
    if (!java.nio.file.Files.isDirectory(home.root())) {
      return new PruneReport(List.of(), 0, 0, 0, List.of());
    }
    try (StoreLock.Held held = StoreLock.of(home).exclusive(options.lockWait())) {
      return new Pass(options, Inventory.read(home), clock.instant()).run();
    }
  }

  /** One prune over one inventory. */
  private static final class Pass {
    private final PruneOptions o;
    private final Inventory inv;
    private final Instant graceLimit;
    private final Instant now;
    private final Map<Digest, Integer> blobRefs = new HashMap<>();
    private final Map<Digest, Integer> diffRefs = new HashMap<>();
    private final List<StoreItem> removed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long usage;

    Pass(PruneOptions o, Inventory inv, Instant now) {
      this.o = o;
      this.inv = inv;
      this.now = now;
      this.graceLimit = now.minus(o.grace());
    }

    PruneReport run() {
      usage = Inventory.total(inv.blobs.values()) + Inventory.total(inv.entries.keySet())
          + Inventory.total(inv.layers.values()) + Inventory.total(inv.mounts) + Inventory.total(inv.temps);
      long before = usage;
      Instant abandoned = now.minus(o.tempAge());
      for (StoreItem t : inv.temps) {
        if (t.lastUsed().isBefore(abandoned)) {
          remove(t);
        }
      }
      inv.entries.forEach((e, refs) -> {
        if (refs == null) {
          remove(e);
        } else {
          refs.blobs().forEach(b -> blobRefs.merge(b, 1, Integer::sum));
          refs.diffIds().forEach(d -> diffRefs.merge(d, 1, Integer::sum));
        }
      });
      // what nothing references is gone anyway: count it out before choosing LRU victims
      long garbage = 0;
      for (Map.Entry<Digest, StoreItem> b : inv.blobs.entrySet()) {
        if (blobCollectable(b.getKey())) {
          garbage += b.getValue().size();
        }
      }
      for (Map.Entry<Digest, StoreItem> l : inv.layers.entrySet()) {
        if (layerCollectable(l.getKey())) {
          garbage += l.getValue().size();
        }
      }
      List<StoreItem> candidates = candidates();
      for (StoreItem c : candidates) {
        if (o.keepStorage() != null && usage - garbage <= o.keepStorage()) {
          break;
        }
        if (!remove(c)) {
          continue;
        }
        if (c.kind() == StoreItem.Kind.CACHE_ENTRY) {
          garbage += release(inv.entries.get(c));
        } else if (c.kind() == StoreItem.Kind.LAYER) {
          Digest id = new Digest("sha256", StoreScan.name(c.path()));
          if (layerCollectable(id)) {
            garbage -= c.size();
          }
          inv.layers.remove(id);
        }
      }
      int young = 0;
      for (Map.Entry<Digest, StoreItem> b : inv.blobs.entrySet()) {
        if (blobCollectable(b.getKey())) {
          remove(b.getValue());
        } else if (!inv.pinnedBlobs.contains(b.getKey()) && blobRefs.getOrDefault(b.getKey(), 0) <= 0) {
          young++;
        }
      }
      for (Map.Entry<Digest, StoreItem> l : inv.layers.entrySet()) {
        if (layerCollectable(l.getKey())) {
          remove(l.getValue());
        } else if (!inv.pinnedDiffIds.contains(l.getKey()) && diffRefs.getOrDefault(l.getKey(), 0) <= 0) {
          young++;
        }
      }
      return new PruneReport(removed, before, usage, young, failures);
    }

    /** Drops an entry's references; returns the bytes of blobs and layers that became collectable. */
    private long release(CacheEntries.Refs refs) {
      long freed = 0;
      for (Digest b : refs.blobs()) {
        blobRefs.merge(b, -1, Integer::sum);
        StoreItem item = inv.blobs.get(b);
        if (item != null && blobCollectable(b)) {
          freed += item.size();
        }
      }
      for (Digest d : refs.diffIds()) {
        diffRefs.merge(d, -1, Integer::sum);
        StoreItem item = inv.layers.get(d);
        if (item != null && layerCollectable(d)) {
          freed += item.size();
        }
      }
      return freed;
    }

    private boolean blobCollectable(Digest d) {
      StoreItem item = inv.blobs.get(d);
      return item != null && !inv.pinnedBlobs.contains(d) && blobRefs.getOrDefault(d, 0) <= 0
          && item.lastUsed().isBefore(graceLimit);
    }

    private boolean layerCollectable(Digest id) {
      StoreItem item = inv.layers.get(id);
      return item != null && !inv.pinnedDiffIds.contains(id) && diffRefs.getOrDefault(id, 0) <= 0
          && item.lastUsed().isBefore(graceLimit);
    }

    private List<StoreItem> candidates() {
      List<StoreItem> out = new ArrayList<>();
      if (o.all() || o.until() != null || o.keepStorage() != null) {
        inv.entries.forEach((e, refs) -> {
          if (refs != null) {
            out.add(e);
          }
        });
        for (StoreItem l : inv.layers.values()) {
          if (l.lastUsed().isBefore(graceLimit)) {
            out.add(l);
          }
        }
      }
      if (o.cacheMounts()) {
        out.addAll(inv.mounts);
      }
      Instant cutoff = o.until() == null ? null : now.minus(o.until());
      out.removeIf(i -> cutoff != null && !i.lastUsed().isBefore(cutoff));
      out.sort(Comparator.comparing(StoreItem::lastUsed).thenComparing(i -> i.path().toString()));
      return out;
    }

    private boolean remove(StoreItem item) {
      try {
        inv.scan.delete(item);
        removed.add(item);
        usage -= item.size();
        return true;
      } catch (IOException e) {
        failures.add(e.getMessage());
        return false;
      }
    }
  }
}
