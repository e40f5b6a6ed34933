package io.jbuild.builder.maintenance;

import java.util.List;

/**
 * What {@link Pruner#prune} did: the items removed (oldest use first within each pass), the home's
 * usage before and after, how many unreferenced blobs and layers were kept because they are younger
 * than the grace period, and items it could not remove (with why).
 */
public record PruneReport(List<StoreItem> removed, long usageBefore, long usageAfter, int keptYoung,
    List<String> failures) {

  public PruneReport {
    removed = List.copyOf(removed);
    failures = List.copyOf(failures);
  }

  public long freed() {
    return Inventory.total(removed);
  }

  public long count(StoreItem.Kind kind) {
    return removed.stream().filter(i -> i.kind() == kind).count();
  }

  /** One line for the CLI. */
  public String summary() {
    return "removed " + count(StoreItem.Kind.CACHE_ENTRY) + " cache entries, " + count(StoreItem.Kind.LAYER)
        + " extracted layers, " + count(StoreItem.Kind.BLOB) + " blobs, " + count(StoreItem.Kind.CACHE_MOUNT)
        + " cache mounts, " + count(StoreItem.Kind.TEMP) + " temp items; reclaimed " + Sizes.human(freed())
        + " (now " + Sizes.human(usageAfter) + ")"
        + (keptYoung > 0 ? "; kept " + keptYoung + " unreferenced items too recent to remove" : "");
  }
}
