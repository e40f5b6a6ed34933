package io.jbuild.builder.maintenance;

import java.util.List;

/**
 * Disk usage of a home by category, and (for {@code --verbose}) every item with its category.
 * Categories: {@code images} (blobs some name references), {@code build cache} (blobs only step cache
 * entries reference, and the entries), {@code unreferenced} (blobs nothing references: prune removes
 * them), {@code extracted layers}, {@code cache mounts}, {@code temp}.
 */
public record UsageReport(List<Category> categories, List<Line> items) {

  public UsageReport {
    categories = List.copyOf(categories);
    items = List.copyOf(items);
  }

  /** One category: its name, item count and bytes. */
  public record Category(String name, int count, long bytes) {}

  /** One item: its category, kind, path, bytes and last use. */
  public record Line(String category, StoreItem item) {}

  public long total() {
    return categories.stream().mapToLong(Category::bytes).sum();
  }

  /** The bytes of the category {@code name} (0 when absent). */
  public long bytes(String name) {
    return categories.stream().filter(c -> c.name().equals(name)).mapToLong(Category::bytes).sum();
  }
}
