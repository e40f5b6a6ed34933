package io.jbuild.builder.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.oci.Digest;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a named image holds on to: every blob reachable from its manifest (an index's present child
 * manifests, a manifest's config and layers) and the diff ids of its configs, plus the blobs it needs
 * that are missing or unsound. An index child that is absent is not missing (other platforms are not
 * pulled); a manifest's config or layer that is absent is.
 */
record ImageRefs(Set<Digest> blobs, Set<Digest> diffIds, List<String> missing) {

  ImageRefs {
    blobs = Set.copyOf(blobs);
    diffIds = Set.copyOf(diffIds);
    missing = List.copyOf(missing);
  }

  /**
   * Walks from {@code manifest}; {@code sound} says whether a present blob may be read (the verifier
   * passes its verdicts, the pruner accepts everything present).
   */
  static ImageRefs of(BlobStore store, Digest manifest, Predicate<Digest> sound) {
    Set<Digest> blobs = new LinkedHashSet<>();
    Set<Digest> diffIds = new LinkedHashSet<>();
    List<String> missing = new java.util.ArrayList<>();
    walk(store, manifest, sound, blobs, diffIds, missing, true, 0);
    return new ImageRefs(blobs, diffIds, missing);
  }

  private static void walk(BlobStore store, Digest d, Predicate<Digest> sound, Set<Digest> blobs,
      Set<Digest> diffIds, List<String> missing, boolean required, int depth) {
    blobs.add(d);
    if (!store.has(d) || !sound.test(d)) {
      if (required) {
        missing.add("manifest " + d + (store.has(d) ? " is corrupt" : " is missing"));
      }
      return;
    }
    JsonNode tree;
    try {
      tree = OciJson.readTree(store.readAll(d));
    } catch (IOException e) {
      missing.add("manifest " + d + " is unreadable: " + e.getMessage());
      return;
    }
    if (tree.has("manifests") && depth < 4) {
      for (JsonNode child : tree.path("manifests")) {
        Digest c = digestOf(child);
        if (c != null) {
          walk(store, c, sound, blobs, diffIds, missing, false, depth + 1);
        }
      }
    }
    Digest config = digestOf(tree.path("config"));
    if (config != null) {
      blobs.add(config);
      if (!store.has(config) || !sound.test(config)) {
        missing.add("config " + config + (store.has(config) ? " is corrupt" : " is missing"));
      } else {
        try {
          for (JsonNode id : OciJson.readTree(store.readAll(config)).path("rootfs").path("diff_ids")) {
            diffIds.add(Digest.parse(id.asText()));
          }
        } catch (IOException | IllegalArgumentException e) {
          missing.add("config " + config + " is unreadable: " + e.getMessage());
        }
      }
    }
    for (JsonNode layer : tree.path("layers")) {
      Digest l = digestOf(layer);
      if (l != null) {
        blobs.add(l);
        if (!store.has(l) || !sound.test(l)) {
          missing.add("layer " + l + (store.has(l) ? " is corrupt" : " is missing"));
        }
      }
    }
  }

  private static Digest digestOf(JsonNode descriptor) {
    String text = descriptor.path("digest").asText("");
    try {
      return text.isEmpty() ? null : Digest.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
