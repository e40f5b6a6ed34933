package io.jbuild.builder.remotecache;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.layout.LayoutEntry;
import io.jbuild.oci.layout.OciLayoutReader;
import io.jbuild.oci.layout.OciLayoutWriter;
import io.jbuild.oci.store.BlobNotFoundException;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cache image in an OCI image layout directory under a tag ({@code org.opencontainers.image.ref.name}):
 * BuildKit's {@code type=local}. Storing adds or replaces the tagged entry (other entries and blobs stay);
 * the index is replaced atomically after the blobs are in place.
 */
final class LayoutLocation implements CacheLocation {
  private static final int MAX_JSON = 16 << 20;
  private final Path dir;
  private final String tag;

  LayoutLocation(Path dir, String tag) {
    this.dir = dir;
    this.tag = tag;
  }

  @Override
  public String describe() {
    return dir + ":" + tag;
  }

  @Override
  public Optional<CacheImage> load() throws IOException {
    if (!Files.exists(dir.resolve("index.json"))) {
      return Optional.empty();
    }
    try (OciLayoutReader reader = OciLayoutReader.open(dir)) {
      Descriptor entry = null;
      for (Descriptor d : reader.index().manifests()) {
        if (tag.equals(d.annotations().get(LayoutEntry.REF_NAME_ANNOTATION))) {
          entry = d;
        }
      }
      if (entry == null) {
        return Optional.empty();
      }
      byte[] manifest = read(reader, entry);
      CacheImage probe = CacheImage.parse(Descriptor.of(entry.mediaType(), entry.digest(), manifest.length),
          manifest, configOf(reader, manifest));
      return Optional.of(probe);
    }
  }

  private static byte[] configOf(OciLayoutReader reader, byte[] manifestBytes) throws IOException {
    io.jbuild.oci.ImageManifest m = io.jbuild.oci.json.OciJson.read(manifestBytes, io.jbuild.oci.ImageManifest.class);
    if (m.config() == null) {
      throw new IOException("invalid cache manifest: no config");
    }
    return read(reader, m.config());
  }

  private static byte[] read(OciLayoutReader reader, Descriptor d) throws IOException {
    if (d.size() > MAX_JSON) {
      throw new IOException("blob " + d.digest() + " is too large (" + d.size() + " bytes) for a manifest or config");
    }
    try (InputStream in = reader.open(d.digest())) {
      return in.readAllBytes();
    }
  }

  @Override
  public void fetch(CacheImage image, Collection<Descriptor> blobs, BlobStore into) throws IOException {
    try (OciLayoutReader reader = OciLayoutReader.open(dir)) {
      for (Descriptor d : blobs) {
        into.copyFrom(reader, d);
      }
    }
  }

  @Override
  public void store(CacheImage image, BlobSource layers) throws IOException {
    BlobSource all = new WithDocuments(Map.of(image.configDescriptor().digest(), image.configBytes(),
        image.manifestDescriptor().digest(), image.manifestBytes()), layers);
    OciLayoutWriter.writeDirectory(dir, all, List.of(LayoutEntry.tagged(image.manifestDescriptor(), tag)));
  }

  /** The cache image's manifest and config from memory, everything else from the store. */
  private record WithDocuments(Map<Digest, byte[]> documents, BlobSource rest) implements BlobSource {
    @Override
    public InputStream open(Digest digest) throws IOException {
      byte[] b = documents.get(digest);
      return b != null ? new ByteArrayInputStream(b) : rest.open(digest);
    }

    @Override
    public long size(Digest digest) throws IOException {
      byte[] b = documents.get(digest);
      return b != null ? b.length : rest.size(digest);
    }

    @Override
    public boolean has(Digest digest) throws IOException {
      if (documents.containsKey(digest)) {
        return true;
      }
      try {
        return rest.has(digest);
      } catch (BlobNotFoundException e) {
        return false;
      }
    }
  }
}
