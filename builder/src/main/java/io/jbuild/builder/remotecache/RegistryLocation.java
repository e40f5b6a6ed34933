package io.jbuild.builder.remotecache;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.registry.BlobSources;
import io.jbuild.registry.BlobWriter;
import io.jbuild.registry.ContentSink;
import io.jbuild.registry.ContentSinks;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PulledImage;
import io.jbuild.registry.PushRequest;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.TransferListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A cache image under a registry reference. Loading resolves the manifest and config only; fetching
 * pulls the cache manifest by digest through a sink that claims to hold every blob except the wanted
 * ones, so the client downloads exactly those (verified, in parallel). Storing pushes the blobs the
 * registry lacks (it asks with {@code HEAD} first) and then the manifest.
 */
final class RegistryLocation implements CacheLocation {
  private final String text;
  private final Supplier<RegistryClient> registry;
  private final BlobStore local;

  /** {@code local}: where loaded manifests and configs are kept, so an unchanged cache is read locally. */
  RegistryLocation(String text, Supplier<RegistryClient> registry, BlobStore local) {
    this.text = text;
    this.registry = registry;
    this.local = local;
  }

  @Override
  public String describe() {
    return text;
  }

  private ImageReference ref() throws IOException {
    try {
      return ImageReference.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid cache reference \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Asks the registry what the tag points to ({@code HEAD}); when the local store already holds that
   * manifest and its config (an earlier build or {@code jbuild warm} loaded them), they are read locally:
   * no blob is downloaded. Otherwise the manifest and config are fetched and kept in the local store.
   */
  @Override
  public Optional<CacheImage> load() throws IOException {
    ImageReference ref = ref();
    try {
      Optional<Descriptor> head = registry.get().headManifest(ref);
      if (head.isEmpty()) {
        return Optional.empty();
      }
      Optional<CacheImage> known = fromLocal(head.get());
      if (known.isPresent()) {
        return known;
      }
      PulledImage pulled = registry.get().resolve(ref, null);
      CacheImage image = CacheImage.parse(pulled.manifestDescriptor(), pulled.manifestBytes(), pulled.configBytes());
      if (local != null) {
        local.put(new java.io.ByteArrayInputStream(image.configBytes()), image.configDescriptor());
        local.put(new java.io.ByteArrayInputStream(image.manifestBytes()), image.manifestDescriptor());
      }
      return Optional.of(image);
    } catch (RegistryException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw new IOException(e.getMessage(), e);
    }
  }

  private Optional<CacheImage> fromLocal(Descriptor manifest) {
    if (local == null || !MediaTypes.OCI_MANIFEST.equals(manifest.mediaType()) || !local.has(manifest.digest())) {
      return Optional.empty();
    }
    try {
      byte[] m = local.readAll(manifest.digest());
      io.jbuild.oci.ImageManifest parsed = io.jbuild.oci.json.OciJson.read(m, io.jbuild.oci.ImageManifest.class);
      if (parsed.config() == null || !local.has(parsed.config().digest())) {
        return Optional.empty();
      }
      return Optional.of(CacheImage.parse(manifest, m, local.readAll(parsed.config().digest())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static boolean isNotFound(RegistryException e) {
    String code = e.code().orElse("");
    return e.status() == 404 || code.equals("MANIFEST_UNKNOWN") || code.equals("NAME_UNKNOWN");
  }

  @Override
  public void fetch(CacheImage image, Collection<Descriptor> blobs, BlobStore into) throws IOException {
    Set<Digest> wanted = new HashSet<>();
    for (Descriptor d : blobs) {
      if (!into.has(d.digest())) {
        wanted.add(d.digest());
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    ImageReference pinned = ref().withDigest(image.manifestDescriptor().digest());
    ContentSink store = ContentSinks.blobStore(into);
    ContentSink only = new ContentSink() {
      @Override
      public boolean has(Digest digest) throws IOException {
        return !wanted.contains(digest) || store.has(digest);
      }

      @Override
      public BlobWriter create(Descriptor descriptor) throws IOException {
        return store.create(descriptor);
      }
    };
    try {
      registry.get().pull(pinned, null, only, TransferListener.NONE);
    } catch (RegistryException e) {
      throw new IOException(e.getMessage(), e);
    }
    for (Digest d : wanted) {
      if (!into.has(d)) {
        throw new IOException("cache " + text + " did not provide blob " + d);
      }
    }
  }

  @Override
  public void store(CacheImage image, BlobSource layers) throws IOException {
    List<io.jbuild.registry.BlobSource> blobs = new ArrayList<>();
    blobs.add(BlobSources.ofBytes(image.configDescriptor().mediaType(), image.configBytes()));
    for (Descriptor l : image.layers()) {
      if (!layers.has(l.digest())) {
        throw new IOException("layer " + l.digest() + " is missing from the local store");
      }
      blobs.add(BlobSources.of(l, () -> layers.open(l.digest())));
    }
    try {
      registry.get().push(ref(), PushRequest.of(blobs, MediaTypes.OCI_MANIFEST, image.manifestBytes()),
          TransferListener.NONE);
    } catch (RegistryException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
