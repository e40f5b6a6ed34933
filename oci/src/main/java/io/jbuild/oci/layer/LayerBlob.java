package io.jbuild.oci.layer;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;

/**
 * What writing a layer produced.
 *
 * @param digest sha256 of the blob as written (compressed): the descriptor digest in the manifest
 * @param size size of the blob as written
 * @param diffId sha256 of the uncompressed tar: the {@code rootfs.diff_ids} entry of the image config
 * @param uncompressedSize size of the uncompressed tar
 * @param mediaType the OCI layer media type matching the compression
 */
public record LayerBlob(Digest digest, long size, Digest diffId, long uncompressedSize, String mediaType) {
  /** The manifest descriptor of this layer. */
  public Descriptor descriptor() {
    return Descriptor.of(mediaType, digest, size);
  }
}
