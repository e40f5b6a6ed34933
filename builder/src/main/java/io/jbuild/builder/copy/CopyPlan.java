package io.jbuild.builder.copy;

import io.jbuild.builder.context.SourceDigest;
import io.jbuild.oci.layer.LayerEntry;
import java.util.List;
import java.util.Objects;

/**
 * The result of planning a COPY/ADD.
 *
 * @param entries the layer's entries, sorted in layer order ({@link io.jbuild.oci.layer.LayerPaths#ORDER}):
 *     created and touched parent directories, then the copied entries; file contents are read
 *     lazily from their sources when the layer is written
 * @param sourceDigest digest of the entries as written minus their mtimes (see {@link SourceDigest}),
 *     for the step's cache key
 */
public record CopyPlan(List<LayerEntry> entries, SourceDigest sourceDigest) {
  public CopyPlan {
    entries = List.copyOf(entries);
    Objects.requireNonNull(sourceDigest, "sourceDigest");
  }
}
