package io.jbuild.registry.transport;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;

/** A manifest or index as served, with its verified digest. */
record FetchedManifest(String mediaType, Digest digest, byte[] bytes) {
  Descriptor descriptor() {
    return Descriptor.of(mediaType, digest, bytes.length);
  }
}
