package io.jbuild.oci.layout;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every blob reachable from some root descriptors: indexes, their manifests, configs and layers.
 * Non-distributable layers that carry URLs and are absent from the source are skipped, as registries
 * and {@code docker save} skip them.
 */
final class BlobClosure {
  private static final int MAX_DEPTH = 4;
  private static final int MAX_JSON = 16 << 20;
  private final BlobSource source;
  private final SortedMap<Digest, Descriptor> blobs = new TreeMap<>();
  private final Map<Digest, ImageManifest> manifests = new TreeMap<>();

  private BlobClosure(BlobSource source) {
    this.source = source;
  }

  static BlobClosure of(BlobSource source, List<Descriptor> roots) throws IOException {
    BlobClosure closure = new BlobClosure(source);
    for (Descriptor root : roots) {
      closure.visit(root, 0);
    }
    return closure;
  }

  /** The blobs, sorted by digest, with the sizes their referrers announce. */
  SortedMap<Digest, Descriptor> blobs() {
    return blobs;
  }

  /** The image manifest a root or child descriptor points to, if it was one. */
  ImageManifest manifest(Digest digest) {
    return manifests.get(digest);
  }

  private void visit(Descriptor d, int depth) throws IOException {
    if (blobs.containsKey(d.digest())) {
      return;
    }
    if (depth > MAX_DEPTH) {
      throw new InvalidLayoutException("index nesting deeper than " + MAX_DEPTH + " at " + d.digest());
    }
    byte[] json = readJson(d);
    blobs.put(d.digest(), d);
    String mediaType = d.mediaType() != null && !d.mediaType().isEmpty() ? d.mediaType() : OciJson.mediaTypeOf(json);
    if (MediaTypes.isIndex(mediaType)) {
      for (Descriptor child : OciJson.read(json, ImageIndex.class).manifests()) {
        visit(child, depth + 1);
      }
    } else if (MediaTypes.isManifest(mediaType)) {
      ImageManifest m = OciJson.read(json, ImageManifest.class);
      manifests.put(d.digest(), m);
      blobs.put(m.config().digest(), m.config());
      for (Descriptor layer : m.layers()) {
        if (!layer.urls().isEmpty() && !source.has(layer.digest())) {
          continue;
        }
        blobs.put(layer.digest(), layer);
      }
    } else {
      throw new InvalidLayoutException("blob " + d.digest() + " has media type " + mediaType
          + ", expected an image manifest or index");
    }
  }

  private byte[] readJson(Descriptor d) throws IOException {
    if (d.size() > MAX_JSON) {
      throw new InvalidLayoutException("manifest " + d.digest() + " is too large (" + d.size() + " bytes)");
    }
    try (InputStream in = VerifyingInputStream.of(source.open(d.digest()), d.digest(), d.size())) {
      return in.readAllBytes();
    }
  }
}
