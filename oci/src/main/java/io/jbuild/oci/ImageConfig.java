package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An image configuration (image-spec config.md; also Docker's {@code
 * application/vnd.docker.container.image.v1+json}, which has the same shape).
 *
 * <p>JSON: top-level keys are written in alphabetical order, as BuildKit's exporter writes them;
 * {@code architecture}, {@code os}, {@code config} and {@code rootfs} are always present, the rest only
 * when non-empty. Unknown fields of configs read from real images (Docker's {@code container_config},
 * {@code docker_version}, ...) are ignored, as BuildKit ignores them. Values are immutable: every
 * {@code with...} method returns a new config.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageConfig(
    @JsonProperty("created")
        @JsonSerialize(using = JsonCodecs.TimeSerializer.class)
        @JsonDeserialize(using = JsonCodecs.TimeDeserializer.class)
        Instant created,
    @JsonProperty("author") String author,
    @JsonProperty("architecture") @JsonInclude(JsonInclude.Include.ALWAYS) String architecture,
    @JsonProperty("os") @JsonInclude(JsonInclude.Include.ALWAYS) String os,
    @JsonProperty("variant") String variant,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("config") @JsonInclude(JsonInclude.Include.ALWAYS) ContainerConfig config,
    @JsonProperty("rootfs") @JsonInclude(JsonInclude.Include.ALWAYS) RootFs rootfs,
    @JsonProperty("history") List<History> history) {

  public ImageConfig {
    architecture = architecture == null ? "" : architecture;
    os = os == null ? "" : os;
    osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    config = config == null ? ContainerConfig.EMPTY : config;
    rootfs = rootfs == null ? RootFs.empty() : rootfs;
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** The config of {@code scratch} for a platform: no layers, no history, empty container config. */
  public static ImageConfig scratch(Platform platform) {
    return new ImageConfig(null, null, null, null, null, null, null, null, null, null).withPlatform(platform);
  }

  /** The platform this image runs on ({@code os}, {@code architecture}, {@code variant}, ...). */
  @JsonIgnore
  public Platform platform() {
    return new Platform(architecture, os, variant, osVersion, osFeatures);
  }

  /** Sets os, architecture, variant, os.version and os.features from {@code p}. */
  public ImageConfig withPlatform(Platform p) {
    return new ImageConfig(created, author, p.architecture(), p.os(), p.variant(), p.osVersion(),
        p.osFeatures(), config, rootfs, history);
  }

  public ImageConfig withCreated(Instant v) {
    return new ImageConfig(v, author, architecture, os, variant, osVersion, osFeatures, config, rootfs, history);
  }

  public ImageConfig withAuthor(String v) {
    return new ImageConfig(created, v, architecture, os, variant, osVersion, osFeatures, config, rootfs, history);
  }

  public ImageConfig withConfig(ContainerConfig v) {
    return new ImageConfig(created, author, architecture, os, variant, osVersion, osFeatures, v, rootfs, history);
  }

  /** Applies {@code change} to the container config. */
  public ImageConfig withConfig(UnaryOperator<ContainerConfig> change) {
    return withConfig(change.apply(config));
  }

  public ImageConfig withRootfs(RootFs v) {
    return new ImageConfig(created, author, architecture, os, variant, osVersion, osFeatures, config, v, history);
  }

  public ImageConfig withHistory(List<History> v) {
    return new ImageConfig(created, author, architecture, os, variant, osVersion, osFeatures, config, rootfs, v);
  }

  /** Appends one history entry (use for steps without a layer: {@code entry.emptyLayer()} true). */
  public ImageConfig withHistoryEntry(History entry) {
    List<History> next = new ArrayList<>(history);
    next.add(entry);
    return withHistory(next);
  }

  /** Appends a layer: its diff id to {@code rootfs.diff_ids} and its history entry. */
  public ImageConfig withLayer(Digest diffId, History entry) {
    if (entry.emptyLayer()) {
      throw new IllegalArgumentException("history entry of layer " + diffId + " is marked empty_layer");
    }
    return withRootfs(rootfs.withLayer(diffId)).withHistoryEntry(entry);
  }
}
