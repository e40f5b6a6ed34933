package io.jbuild.oci.layout;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@code docker load} archive (BuildKit's {@code --output type=docker}) in the form current
 * Docker and BuildKit write: an OCI image layout (oci-layout, index.json, blobs/sha256/...) plus
 * Docker's {@code manifest.json} ({@code [{"Config":"blobs/sha256/<hex>","RepoTags":["demo:1"],
 * "Layers":["blobs/sha256/<hex>",...]}]}) and the legacy {@code repositories} file. Every entry must
 * point to an image manifest (not an index): Docker loads one platform. Reproducible like
 * {@link OciLayoutWriter#writeTar}.
 */
public final class DockerArchiveWriter {
  private DockerArchiveWriter() {}

  /** Docker's {@code manifest.json} item. */
  record Item(
      @JsonProperty("Config") String config,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("Layers") List<String> layers) {}

  /** Writes the archive to {@code out} (left open); names come from {@link LayoutEntry#imageName()}. */
  public static void write(OutputStream out, BlobSource source, List<LayoutEntry> entries) throws IOException {
    BlobClosure closure = BlobClosure.of(source, OciLayoutWriter.manifests(entries));
    Map<Digest, Item> items = new LinkedHashMap<>();
    Map<String, Map<String, String>> repositories = new TreeMap<>();
    for (LayoutEntry entry : entries) {
      Digest digest = entry.manifest().digest();
      ImageManifest manifest = closure.manifest(digest);
      if (manifest == null) {
        throw new InvalidLayoutException("docker archive: " + digest + " is an index, not an image manifest;"
            + " docker load needs a single-platform image");
      }
      String tag = ImageNames.familiar(entry.imageName());
      Item item = items.get(digest);
      if (item == null) {
        List<String> layers = new ArrayList<>();
        for (Descriptor layer : manifest.layers()) {
          if (closure.blobs().containsKey(layer.digest())) {
            layers.add(path(layer.digest()));
          }
        }
        item = new Item(path(manifest.config().digest()), new ArrayList<>(), layers);
        items.put(digest, item);
      }
      if (tag != null && !item.repoTags().contains(tag)) {
        item.repoTags().add(tag);
        String top = manifest.layers().isEmpty()
            ? manifest.config().digest().hex() : manifest.layers().get(manifest.layers().size() - 1).digest().hex();
        repositories.computeIfAbsent(ImageNames.repository(tag), k -> new TreeMap<>())
            .put(tag.substring(tag.lastIndexOf(':') + 1), top);
      }
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("oci-layout", OciLayoutWriter.OCI_LAYOUT);
    files.put("index.json", OciJson.write(OciLayoutWriter.index(entries)));
    files.put("manifest.json", OciJson.write(new ArrayList<>(items.values())));
    if (!repositories.isEmpty()) {
      files.put("repositories", OciJson.write(repositories));
    }
    LayoutTar.write(out, source, closure.blobs(), files);
  }

  private static String path(Digest digest) {
    return "blobs/" + digest.algorithm() + "/" + digest.hex();
  }
}
