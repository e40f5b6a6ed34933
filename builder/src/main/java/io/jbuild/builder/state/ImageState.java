package io.jbuild.builder.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.History;
import io.jbuild.oci.ImageConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The immutable state of an image under construction: its config (container config, rootfs diff ids,
 * history) and the layer blobs, base first; {@code layers.get(i)} is the blob of
 * {@code config.rootfs().diffIds().get(i)}. Every build step returns a new state.
 */
public record ImageState(@JsonProperty("config") ImageConfig config, @JsonProperty("layers") List<Descriptor> layers) {

  /** The comment BuildKit writes into every history entry of a Dockerfile build. */
  public static final String COMMENT = "buildkit.dockerfile.v0";

  public ImageState {
    layers = List.copyOf(layers);
    if (layers.size() != config.rootfs().diffIds().size()) {
      throw new IllegalArgumentException("image state with " + layers.size() + " layers but "
          + config.rootfs().diffIds().size() + " diff ids");
    }
  }

  /** Changes the container config. */
  public ImageState withConfig(UnaryOperator<ContainerConfig> change) {
    return new ImageState(config.withConfig(change), layers);
  }

  /** Records a config-only step ({@code empty_layer: true}). */
  public ImageState withEmptyHistory(String createdBy, Instant created) {
    return new ImageState(config.withHistoryEntry(History.emptyLayer(created, createdBy, COMMENT)), layers);
  }

  /** Appends a layer with its history entry. */
  public ImageState withLayer(Descriptor blob, Digest diffId, String createdBy, Instant created) {
    List<Descriptor> next = new ArrayList<>(layers);
    next.add(blob);
    return new ImageState(config.withLayer(diffId, History.layer(created, createdBy, COMMENT)), next);
  }

  /**
   * Fills history entries without a {@code created} time as BuildKit's exporter does: an entry takes
   * the time of the next entry that has one; trailing entries, and the config's {@code created}, take
   * {@code epoch} when given, else the latest time in the history (the newest layer), else now. So a
   * fully cached rebuild reproduces the same config.
   */
  public ImageState withHistoryTimesFilled(Instant epoch) {
    Instant latest = epoch;
    if (latest == null) {
      for (History h : config.history()) {
        if (h.created() != null && (latest == null || h.created().isAfter(latest))) {
          latest = h.created();
        }
      }
    }
    if (latest == null) {
      latest = Instant.now();
    }
    List<History> filled = new ArrayList<>(config.history());
    Instant next = latest;
    for (int i = filled.size() - 1; i >= 0; i--) {
      History h = filled.get(i);
      if (h.created() == null) {
        filled.set(i, h.withCreated(next));
      } else {
        next = h.created();
      }
    }
    return new ImageState(config.withHistory(filled).withCreated(latest), layers);
  }

  /** The diff ids of the layers, base first. */
  public List<Digest> diffIds() {
    return config.rootfs().diffIds();
  }
}
