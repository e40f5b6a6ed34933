package io.jbuild.builder.store;

import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageManifest;

/** An image held in the local store: its manifest descriptor, manifest and config. */
public record StoredImage(Descriptor descriptor, ImageManifest manifest, ImageConfig config) {

  /** The image as the starting state of a build step. */
  public ImageState state() {
    return new ImageState(config, manifest.layers());
  }
}
