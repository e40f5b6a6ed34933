package io.jbuild.builder.maintenance;

import io.jbuild.builder.store.JbuildHome;
import io.jbuild.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code jbuild du}: the usage of a home by category (see {@link UsageReport}). Reads only metadata,
 * names and cache entries; holds no lock (the numbers may be a moment stale while builds run).
 */
public final class DiskUsage {
  public static final String IMAGES = "images";
  public static final String BUILD_CACHE = "build cache";
  public static final String UNREFERENCED = "unreferenced";
  public static final String LAYERS = "extracted layers";
  public static final String CACHE_MOUNTS = "cache mounts";
  public static final String TEMP = "temp";

  private DiskUsage() {}

  /** Measures {@code home}. */
  public static UsageReport of(JbuildHome home) throws IOException {
    if (!Files.isDirectory(home.root())) {
      return new UsageReport(List.of(), List.of());
    }
    Inventory inv = Inventory.read(home);
    Set<Digest> cached = inv.cachedBlobs();
    List<UsageReport.Line> lines = new ArrayList<>();
    for (Map.Entry<Digest, StoreItem> b : inv.blobs.entrySet()) {
      String category = inv.pinnedBlobs.contains(b.getKey()) ? IMAGES
          : cached.contains(b.getKey()) ? BUILD_CACHE : UNREFERENCED;
      lines.add(new UsageReport.Line(category, b.getValue()));
    }
    inv.entries.keySet().forEach(e -> lines.add(new UsageReport.Line(BUILD_CACHE, e)));
    inv.layers.values().forEach(l -> lines.add(new UsageReport.Line(LAYERS, l)));
    inv.mounts.forEach(m -> lines.add(new UsageReport.Line(CACHE_MOUNTS, m)));
    inv.temps.forEach(t -> lines.add(new UsageReport.Line(TEMP, t)));
    List<UsageReport.Category> categories = new ArrayList<>();
    for (String name : List.of(IMAGES, BUILD_CACHE, UNREFERENCED, LAYERS, CACHE_MOUNTS, TEMP)) {
      int count = 0;
      long bytes = 0;
      for (UsageReport.Line l : lines) {
        if (l.category().equals(name)) {
          count++;
          bytes += l.item().size();
        }
      }
      categories.add(new UsageReport.Category(name, count, bytes));
    }
    return new UsageReport(categories, lines);
  }
}
