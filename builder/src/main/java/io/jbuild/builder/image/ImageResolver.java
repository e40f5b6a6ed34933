package io.jbuild.builder.image;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.progress.ProgressListener;
import io.jbuild.builder.progress.RegistryTransfers;
import io.jbuild.builder.progress.TransferEvent;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.layout.LayoutReference;
import io.jbuild.oci.layout.OciLayoutReader;
import io.jbuild.registry.ContentSinks;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PulledImage;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Resolves an image reference for FROM and {@code COPY --from}, in order: {@code oci-layout://DIR[:tag|@digest]}
 * (copied into the store), the local store, then the registry (pulled into the store and named
 * there, as {@code docker pull} does). Each reference is resolved once per resolver.
 */
public final class ImageResolver {
  private final LocalImageStore store;
  private final Supplier<RegistryClient> registry;
  private final ProgressListener progress;
  private final Map<String, StoredImage> resolved = new ConcurrentHashMap<>();

  public ImageResolver(LocalImageStore store, Supplier<RegistryClient> registry, ProgressListener progress) {
    this.store = store;
    this.registry = registry;
    this.progress = progress;
  }

  /** The image {@code ref} names for {@code platform}; errors name the reference. */
  public StoredImage resolve(String ref, Platform platform) throws BuildException {
    StoredImage hit = resolved.get(ref);
    if (hit != null) {
      return hit;
    }
    StoredImage img = doResolve(ref, platform);
    resolved.putIfAbsent(ref, img);
    return img;
  }

  private StoredImage doResolve(String ref, Platform platform) throws BuildException {
    if (LayoutReference.isLayoutReference(ref)) {
      return fromLayout(ref, platform);
    }
    try {
      Optional<StoredImage> local = store.find(ref);
      if (local.isPresent()) {
        return local.get();
      }
    } catch (IOException e) {
      throw new BuildException("reading image " + ref + " from the local store: " + e.getMessage(), e);
    }
    return pull(ref, platform);
  }

  private StoredImage fromLayout(String ref, Platform platform) throws BuildException {
    LayoutReference lr;
    try {
      lr = LayoutReference.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new BuildException("invalid oci-layout reference \"" + ref + "\": " + e.getMessage());
    }
    if (!Files.isDirectory(lr.path()) && !Files.isRegularFile(lr.path())) {
      throw new BuildException("oci-layout " + lr.path() + ": no such directory");
    }
    try (OciLayoutReader reader = OciLayoutReader.open(lr.path())) {
      ResolvedImage img = reader.pull(lr.selector(), platform, store.blobs());
      return new StoredImage(img.descriptor(), img.manifest(), img.config());
    } catch (IOException e) {
      throw new BuildException("loading " + ref + ": " + e.getMessage(), e);
    }
  }

  /** Pulls {@code ref} into the store and names it there. */
  public StoredImage pull(String ref, Platform platform) throws BuildException {
    ImageReference reference;
    try {
      reference = ImageReference.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage());
    }
    progress.onMessage("pulling " + reference);
    try {
      PulledImage pulled = registry.get().pull(reference, platform,
          ContentSinks.ociLayout(store.blobs().root()), RegistryTransfers.of(progress, TransferEvent.Kind.PULL));
      StoredImage img = store.read(pulled.manifestDescriptor());
      if (reference.tag() != null && reference.digest() == null) {
        store.tag(ref, pulled.manifestDescriptor());
      }
      return img;
    } catch (RegistryException e) {
      throw new BuildException("pulling " + ref + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("pulling " + ref + ": " + e.getMessage(), e);
    }
  }
}
