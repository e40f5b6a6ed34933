package io.jbuild.builder.remotecache;

import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.History;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.registry.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Exports recorded steps as a cache image ({@code --cache-to}): selects the steps by mode, builds the
 * {@link CacheImage} (recompressing layers first when the spec asks for another compression) and stores
 * it at the spec's location (registry push, blobs the registry has skipped; or an OCI layout).
 */
public final class CacheExporter {
  private CacheExporter() {}

  /** What an export wrote: where, the cache manifest, and how many steps and layers it carries. */
  public record ExportResult(CacheSpec spec, Descriptor manifest, int steps, int layers) {}

  /**
   * Exports {@code steps} to {@code spec}. With {@link CacheMode#MIN} only steps on the final image's
   * chain are kept: those whose history ({@code created_by} and {@code empty_layer}; times may differ)
   * and layers are a prefix of {@code finalState}'s (the steps of
   * the target stage and of the stages it is built {@code FROM}); with {@link CacheMode#MAX} all.
   */
  public static ExportResult export(CacheSpec spec, Collection<RecordedStep> steps, ImageState finalState,
      BlobStore blobs, Supplier<RegistryClient> registry) throws IOException {
    List<RecordedStep> selected = select(spec.mode(), steps, finalState);
    if (spec.compression() != null) {
      selected = Recompressor.recompress(selected, spec.compression(), blobs);
    }
    CacheImage image = CacheImage.of(selected);
    CacheLocation location = CacheLocations.of(spec, registry, blobs, true);
    try {
      location.store(image, blobs);
    } catch (IOException e) {
      throw new IOException("exporting cache to " + location.describe() + ": " + e.getMessage(), e);
    }
    return new ExportResult(spec, image.manifestDescriptor(), image.config().steps().size(), image.layers().size());
  }

  /** The steps a mode exports. */
  static List<RecordedStep> select(CacheMode mode, Collection<RecordedStep> steps, ImageState finalState) {
    List<RecordedStep> out = new ArrayList<>();
    for (RecordedStep s : steps) {
      if (mode == CacheMode.MAX || (finalState != null && onChain(s.state(), finalState))) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean onChain(ImageState step, ImageState last) {
    List<History> h = step.config().history();
    List<History> fh = last.config().history();
    List<Descriptor> l = step.layers();
    List<Descriptor> fl = last.layers();
    if (h.size() > fh.size() || l.size() > fl.size()) {
      return false;
    }
    for (int i = 0; i < h.size(); i++) {
      // times may be filled in on the final image; the step identity is what it did
      if (!java.util.Objects.equals(h.get(i).createdBy(), fh.get(i).createdBy())
          || h.get(i).emptyLayer() != fh.get(i).emptyLayer()) {
        return false;
      }
    }
    for (int i = 0; i < l.size(); i++) {
      if (!l.get(i).digest().equals(fl.get(i).digest())) {
        return false;
      }
    }
    return true;
  }
}
