package io.jbuild.oci.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobNotFoundException;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.oci.store.VerifyingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads an OCI image layout, a directory or an uncompressed tar (image-spec image-layout.md), for
 * {@code FROM oci-layout://DIR[:tag]}. {@link #resolve} picks a manifest from {@code index.json} by
 * tag or digest, follows indexes to the requested platform and returns the manifest and config;
 * {@link #pull} also copies the manifest, config and layers into a {@link BlobStore}, each verified
 * against its digest. Blob paths are derived from validated digests only and are confined to the
 * layout. As a {@link BlobSource}, reads are verified at end of stream.
 */
public final class OciLayoutReader implements BlobSource, Closeable {
  private static final int MAX_JSON = 16 << 20;
  private static final int MAX_DEPTH = 4;
  private final LayoutFiles files;
  private final ImageIndex index;

  private OciLayoutReader(LayoutFiles files, ImageIndex index) {
    this.files = files;
    this.index = index;
  }

  /** Opens the layout directory or tar file at {@code path} and reads its {@code oci-layout} and {@code index.json}. */
  public static OciLayoutReader open(Path path) throws IOException {
    LayoutFiles files;
    try {
      files = LayoutFiles.of(path);
    } catch (NoSuchFileException e) {
      throw new InvalidLayoutException("reading oci layout " + path + ": no such directory or file");
    }
    try {
      checkVersion(files);
      ImageIndex index;
      try (InputStream in = files.open("index.json")) {
        index = OciJson.read(in, ImageIndex.class);
      } catch (NoSuchFileException e) {
        throw new InvalidLayoutException("reading oci layout " + files.where() + ": index.json is missing");
      } catch (IOException e) {
        throw new InvalidLayoutException("reading oci layout " + files.where() + ": index.json: " + e.getMessage(), e);
      }
      return new OciLayoutReader(files, index);
    } catch (IOException | RuntimeException e) {
      files.close();
      throw e;
    }
  }

  private static void checkVersion(LayoutFiles files) throws IOException {
    JsonNode layout;
    try (InputStream in = files.open("oci-layout")) {
      layout = OciJson.readTree(in.readNBytes(4096));
    } catch (NoSuchFileException e) {
      throw new InvalidLayoutException("reading oci layout " + files.where() + ": oci-layout file is missing"
          + " (not an OCI image layout)");
    } catch (IOException e) {
      throw new InvalidLayoutException("reading oci layout " + files.where() + ": oci-layout: " + e.getMessage(), e);
    }
    JsonNode version = layout.get("imageLayoutVersion");
    if (version == null || !version.asText().startsWith("1.")) {
      throw new InvalidLayoutException("reading oci layout " + files.where() + ": unsupported imageLayoutVersion "
          + (version == null ? "(none)" : version.asText()));
    }
  }

  /** The layout's {@code index.json}. */
  public ImageIndex index() {
    return index;
  }

  /** The tags (ref names) of the layout's entries, sorted. */
  public List<String> tags() {
    TreeSet<String> tags = new TreeSet<>();
    for (Descriptor d : index.manifests()) {
      String ref = d.annotations().get(LayoutEntry.REF_NAME_ANNOTATION);
      if (ref != null) {
        tags.add(ref);
      }
    }
    return new ArrayList<>(tags);
  }

  /**
   * Resolves {@code reference} to a single-platform image. The reference is a tag (matched against
   * {@code org.opencontainers.image.ref.name}, or the tag of {@code io.containerd.image.name}), a
   * digest ({@code sha256:...}, matched against index entries, else looked up as a blob), or null:
   * {@code latest} if tagged so, else the only entry. Indexes are followed to the entry matching
   * {@code platform} (the host's when null).
   */
  public ResolvedImage resolve(String reference, Platform platform) throws IOException {
    Platform wanted = platform == null ? Platform.host() : platform;
    Descriptor entry = select(reference);
    return resolveDescriptor(entry, wanted, 0);
  }

  /** {@link #resolve} plus copying the image's manifest, config and layers into {@code store}. */
  public ResolvedImage pull(String reference, Platform platform, BlobStore store) throws IOException {
    ResolvedImage image = resolve(reference, platform);
    try {
      store.copyFrom(this, image.descriptor());
      store.copyFrom(this, image.manifest().config());
      for (Descriptor layer : image.layers()) {
        if (!layer.urls().isEmpty() && !has(layer.digest())) {
          continue;
        }
        store.copyFrom(this, layer);
      }
    } catch (IOException e) {
      throw new IOException("copying image " + image.digest() + " from oci layout " + files.where() + ": "
          + e.getMessage(), e);
    }
    return image;
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    String name = name(digest);
    try {
      return VerifyingInputStream.of(files.open(name), digest, files.size(name));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(digest, "oci layout " + files.where());
    }
  }

  @Override
  public long size(Digest digest) throws IOException {
    long size = files.size(name(digest));
    if (size < 0) {
      throw new BlobNotFoundException(digest, "oci layout " + files.where());
    }
    return size;
  }

  @Override
  public boolean has(Digest digest) throws IOException {
    return files.size(name(digest)) >= 0;
  }

  @Override
  public void close() throws IOException {
    files.close();
  }

  private static String name(Digest digest) {
    return "blobs/" + digest.algorithm() + "/" + digest.hex();
  }

  private Descriptor select(String reference) throws IOException {
    String where = "oci layout " + files.where();
    if (reference == null || reference.isEmpty()) {
      Descriptor latest = byTag("latest");
      if (latest != null) {
        return latest;
      }
      if (index.manifests().size() == 1) {
        return index.manifests().get(0);
      }
      throw new InvalidLayoutException(where + " has " + index.manifests().size()
          + " images; name one with a tag" + available());
    }
    if (reference.startsWith("sha256:") || reference.startsWith("sha512:")) {
      Digest digest;
      try {
        digest = Digest.parse(reference);
      } catch (IllegalArgumentException e) {
        throw new InvalidLayoutException(where + ": " + e.getMessage());
      }
      for (Descriptor d : index.manifests()) {
        if (d.digest().equals(digest)) {
          return d;
        }
      }
      if (!has(digest)) {
        throw new InvalidLayoutException(where + " has no image " + digest);
      }
      return new Descriptor(null, digest, size(digest), null, null, null, null);
    }
    Descriptor tagged = byTag(reference);
    if (tagged == null) {
      throw new InvalidLayoutException(where + " has no image tagged " + reference + available());
    }
    return tagged;
  }

  private Descriptor byTag(String tag) {
    for (Descriptor d : index.manifests()) {
      if (tag.equals(d.annotations().get(LayoutEntry.REF_NAME_ANNOTATION))) {
        return d;
      }
    }
    for (Descriptor d : index.manifests()) {
      String name = d.annotations().get(LayoutEntry.IMAGE_NAME_ANNOTATION);
      if (name != null && tag.equals(ImageNames.tagOf(name))) {
        return d;
      }
    }
    return null;
  }

  private String available() {
    List<String> tags = tags();
    return tags.isEmpty() ? " (it has no tags)" : " (tags: " + String.join(", ", tags) + ")";
  }

  private ResolvedImage resolveDescriptor(Descriptor d, Platform platform, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidLayoutException("oci layout " + files.where() + ": indexes nested deeper than " + MAX_DEPTH);
    }
    byte[] json = readJson(d);
    String mediaType = d.mediaType() != null && !d.mediaType().isEmpty() ? d.mediaType() : OciJson.mediaTypeOf(json);
    try {
      if (MediaTypes.isIndex(mediaType)) {
        ImageIndex child = OciJson.read(json, ImageIndex.class);
        return resolveDescriptor(choose(child, d.digest(), platform), platform, depth + 1);
      }
      if (!MediaTypes.isManifest(mediaType)) {
        throw new InvalidLayoutException("oci layout " + files.where() + ": " + d.digest() + " has media type "
            + mediaType + ", not an image manifest or index");
      }
      ImageManifest manifest = OciJson.read(json, ImageManifest.class);
      ImageConfig config = OciJson.read(readJson(manifest.config()), ImageConfig.class);
      Descriptor full = new Descriptor(mediaType, d.digest(), json.length, null, null, d.platform(), null);
      return new ResolvedImage(full, manifest, config);
    } catch (InvalidLayoutException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidLayoutException("oci layout " + files.where() + ": " + d.digest() + ": " + e.getMessage(), e);
    }
  }

  private Descriptor choose(ImageIndex child, Digest indexDigest, Platform platform) throws IOException {
    List<Descriptor> candidates = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Descriptor m : child.manifests()) {
      if ("attestation-manifest".equals(m.annotations().get("vnd.docker.reference.type"))) {
        continue;
      }
      if (m.platform() == null) {
        candidates.add(m);
        continue;
      }
      seen.add(m.platform().format());
      if (platform.matches(m.platform())) {
        candidates.add(m);
      }
    }
    for (Descriptor m : candidates) {
      if (m.platform() != null && platform.equals(Platform.of(m.platform().os(), m.platform().architecture(),
          m.platform().variant()))) {
        return m;
      }
    }
    for (Descriptor m : candidates) {
      if (m.platform() != null) {
        return m;
      }
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    throw new InvalidLayoutException("oci layout " + files.where() + ": index " + indexDigest
        + " has no image for platform " + platform.format()
        + (seen.isEmpty() ? "" : " (available: " + String.join(", ", seen) + ")"));
  }

  private byte[] readJson(Descriptor d) throws IOException {
    if (d.size() > MAX_JSON) {
      throw new InvalidLayoutException("oci layout " + files.where() + ": " + d.digest() + " is too large ("
          + d.size() + " bytes) for a manifest or config");
    }
    try (InputStream in = VerifyingInputStream.of(open(d.digest()), d.digest(), d.size())) {
      return in.readAllBytes();
    }
  }
}
