package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.Platform;
import java.util.List;
import java.util.Objects;

/**
 * An image resolved (and, after {@code pull}, downloaded) from a registry. All bytes were verified
 * against their digests.
 *
 * @param reference the reference as asked for
 * @param indexDigest digest of the index / manifest list the manifest was picked from, or {@code null}
 * @param manifestDescriptor media type, digest and size of the image manifest
 * @param manifestBytes the manifest exactly as served (its digest is {@code manifestDescriptor.digest()})
 * @param manifest the parsed manifest
 * @param configBytes the image config exactly as served
 * @param platform the platform of the image ({@code null} when neither index nor caller named one)
 */
public record PulledImage(
    ImageReference reference,
    Digest indexDigest,
    Descriptor manifestDescriptor,
    byte[] manifestBytes,
    ImageManifest manifest,
    byte[] configBytes,
    Platform platform) {

  public PulledImage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
    Objects.requireNonNull(manifest, "manifest");
    manifestBytes = manifestBytes.clone();
    configBytes = configBytes.clone();
  }

  /** The digest of the image manifest (what {@code name@digest} pins). */
  public Digest manifestDigest() {
    return manifestDescriptor.digest();
  }

  /** The config descriptor. */
  public Descriptor config() {
    return manifest.config();
  }

  /** The layer descriptors, base first. */
  public List<Descriptor> layers() {
    return manifest.layers();
  }

  @Override
  public byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  @Override
  public byte[] configBytes() {
    return configBytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PulledImage p && p.reference.equals(reference)
        && p.manifestDescriptor.equals(manifestDescriptor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, manifestDescriptor);
  }

  @Override
  public String toString() {
    return "PulledImage[" + reference + "@" + manifestDescriptor.digest() + "]";
  }
}
