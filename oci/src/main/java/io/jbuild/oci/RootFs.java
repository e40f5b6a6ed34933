package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rootfs} of an image config (image-spec config.md): {@code type} is always {@code layers};
 * {@code diff_ids} are the digests of the <em>uncompressed</em> layer tars, base first. Both fields are
 * always written ({@code diff_ids} as {@code []} when there are no layers).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
  public static final String LAYERS = "layers";

  public RootFs {
    type = type == null || type.isEmpty() ? LAYERS : type;
    diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
  }

  /** A {@code layers} rootfs with the given diff ids. */
  public static RootFs of(List<Digest> diffIds) {
    return new RootFs(LAYERS, diffIds);
  }

  /** An empty rootfs (a {@code scratch} image). */
  public static RootFs empty() {
    return of(List.of());
  }

  /** A new rootfs with {@code diffId} appended on top. */
  public RootFs withLayer(Digest diffId) {
    List<Digest> ids = new ArrayList<>(diffIds);
    ids.add(diffId);
    return new RootFs(type, ids);
  }
}
