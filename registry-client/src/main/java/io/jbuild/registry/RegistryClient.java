package io.jbuild.registry;

import io.jbuild.oci.Digest;
import io.jbuild.oci.Platform;
import io.jbuild.registry.auth.Credentials;

/**
 * Pulls and pushes images. One client serves any number of registries and threads; it caches auth
 * tokens per scope and TLS settings per host. Failures are {@link RegistryException}s whose message is a
 * lower-case context chain naming the image and blob.
 */
public interface RegistryClient {
  /**
   * Resolves {@code ref} to one image manifest (picking {@code platform} from an index; {@code null}
   * means the host's platform) and fetches its config, all verified against their digests. No layer is
   * downloaded and nothing is stored: what {@code jbuild inspect} needs.
   */
  PulledImage resolve(ImageReference ref, Platform platform) throws RegistryException;

  /**
   * What {@code ref}'s tag (or digest) points to now: media type, digest and size from a manifest
   * {@code HEAD}, without downloading anything; empty when the registry does not know it. Lets
   * {@code jbuild pull} say "image is up to date" as Docker does.
   */
  java.util.Optional<io.jbuild.oci.Descriptor> headManifest(ImageReference ref) throws RegistryException;

  /**
   * {@link #resolve} and then downloads every layer the sink does not already hold, in parallel, with
   * resumption by {@code Range} requests, verifying each blob while it streams. Index (if any), manifest,
   * config and layers all end up in {@code sink}.
   */
  PulledImage pull(ImageReference ref, Platform platform, ContentSink sink, TransferListener listener)
      throws RegistryException;

  /**
   * Uploads one blob into the repository of {@code repo} unless the registry has it already; mounts it
   * from {@code mountFrom} (another repository path of the same registry, or {@code null}) when possible.
   */
  void pushBlob(ImageReference repo, BlobSource blob, String mountFrom, TransferListener listener)
      throws RegistryException;

  /** Stores a manifest (or index) under the tag or digest of {@code ref}; returns its digest. */
  Digest pushManifest(ImageReference ref, String mediaType, byte[] manifest) throws RegistryException;

  /**
   * Pushes all blobs of {@code image} concurrently (skipping those the registry has, mounting those with
   * a hint), then the manifest under {@code target}'s tag and each extra tag. Returns the manifest digest.
   */
  Digest push(ImageReference target, PushRequest image, TransferListener listener) throws RegistryException;

  /**
   * Verifies {@code credentials} against {@code registry} ({@code host[:port]} or {@code docker.io}) the
   * way {@code docker login} does; throws {@link RegistryException} with code {@code UNAUTHORIZED} when
   * they are refused. Stores nothing.
   */
  void checkLogin(String registry, Credentials credentials) throws RegistryException;
}
