package io.jbuild.registry;

import io.jbuild.oci.Digest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image to push: its blobs (config and layers, in any order), the manifest bytes with their media
 * type, extra tags to apply to the same manifest, and cross-repository mount hints.
 *
 * @param blobs every blob the manifest references
 * @param manifestMediaType media type sent as {@code Content-Type} of the manifest
 * @param manifestBytes the manifest exactly as it is to be stored
 * @param extraTags further tags in the target repository pointing at the same manifest
 * @param mountFrom for blobs known to exist in another repository of the same registry: digest to
 *     that repository path ({@code library/busybox}); tried with {@code ?mount=&from=} before uploading
 */
public record PushRequest(
    List<BlobSource> blobs,
    String manifestMediaType,
    byte[] manifestBytes,
    List<String> extraTags,
    Map<Digest, String> mountFrom) {

  public PushRequest {
    blobs = List.copyOf(blobs);
    Objects.requireNonNull(manifestMediaType, "manifestMediaType");
    manifestBytes = manifestBytes.clone();
    extraTags = extraTags == null ? List.of() : List.copyOf(extraTags);
    mountFrom = mountFrom == null ? Map.of() : Map.copyOf(mountFrom);
  }

  /** A push without extra tags or mount hints. */
  public static PushRequest of(List<BlobSource> blobs, String manifestMediaType, byte[] manifestBytes) {
    return new PushRequest(blobs, manifestMediaType, manifestBytes, null, null);
  }

  @Override
  public byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  /** The digest of the manifest bytes. */
  public Digest manifestDigest() {
    return Digest.sha256(manifestBytes);
  }
}
