package io.jbuild.builder.image;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.registry.BlobSource;
import io.jbuild.registry.BlobSources;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PushRequest;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.TransferListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pushes an image of the local store to a registry under a name. */
public final class ImagePusher {
  private ImagePusher() {}

  /** Pushes {@code image} as {@code name}; returns the manifest digest the registry stored. */
  public static Digest push(RegistryClient client, LocalImageStore store, StoredImage image, String name,
      TransferListener listener) throws BuildException {
    ImageReference ref;
    try {
      ref = ImageReference.parse(name);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage());
    }
    try {
      List<BlobSource> blobs = new ArrayList<>();
      Descriptor config = image.manifest().config();
      blobs.add(BlobSources.ofFile(config, store.blobs().path(config.digest())));
      for (Descriptor layer : image.manifest().layers()) {
        if (!store.blobs().has(layer.digest())) {
          throw new BuildException("pushing " + name + ": layer " + layer.digest() + " is missing from the local store");
        }
        blobs.add(BlobSources.ofFile(layer, store.blobs().path(layer.digest())));
      }
      byte[] manifest = store.blobs().readAll(image.descriptor().digest());
      return client.push(ref, new PushRequest(blobs, image.descriptor().mediaType(), manifest, List.of(), Map.of()),
          listener);
    } catch (RegistryException e) {
      throw new BuildException("pushing " + name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("pushing " + name + ": " + e.getMessage(), e);
    }
  }
}
