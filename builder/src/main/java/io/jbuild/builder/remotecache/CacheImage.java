package io.jbuild.builder.remotecache;

import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.json.OciJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cache image as stored in a registry or layout: an OCI image manifest whose config is a
 * {@link CacheConfig} and whose layers are the union of the layer blobs the steps' states reference,
 * deduplicated, in a stable order (steps by key, each state's layers base first). The same steps always
 * give the same manifest digest.
 *
 * @param config the parsed config
 * @param configBytes the config blob
 * @param configDescriptor its descriptor
 * @param manifestBytes the manifest blob
 * @param manifestDescriptor its descriptor (media type {@link MediaTypes#OCI_MANIFEST})
 * @param manifest the parsed manifest
 */
public record CacheImage(CacheConfig config, byte[] configBytes, Descriptor configDescriptor, byte[] manifestBytes,
    Descriptor manifestDescriptor, ImageManifest manifest) {

  /** Builds the cache image of {@code steps} (a key given twice keeps the last state). */
  public static CacheImage of(Collection<RecordedStep> steps) {
    SortedMap<String, ImageState> byKey = new TreeMap<>();
    for (RecordedStep s : steps) {
      byKey.put(s.key().hex(), s.state());
    }
    return of(new CacheConfig(byKey));
  }

  /** Builds the cache image of a config. */
  public static CacheImage of(CacheConfig config) {
    byte[] configBytes = config.toJson();
    Descriptor configDescriptor = Descriptor.of(CacheConfig.MEDIA_TYPE, Digest.sha256(configBytes),
        configBytes.length);
    Map<Digest, Descriptor> layers = new LinkedHashMap<>();
    for (ImageState state : config.steps().values()) {
      for (Descriptor l : state.layers()) {
        layers.putIfAbsent(l.digest(), Descriptor.of(l.mediaType(), l.digest(), l.size()));
      }
    }
    ImageManifest manifest = ImageManifest.oci(configDescriptor, new ArrayList<>(layers.values()));
    byte[] manifestBytes = OciJson.write(manifest);
    Descriptor manifestDescriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(manifestBytes),
        manifestBytes.length);
    return new CacheImage(config, configBytes, configDescriptor, manifestBytes, manifestDescriptor, manifest);
  }

  /**
   * Reads a cache image from its manifest and config bytes (both already verified against their
   * digests by whoever fetched them); errors say what is wrong.
   */
  public static CacheImage parse(Descriptor manifestDescriptor, byte[] manifestBytes, byte[] configBytes)
      throws java.io.IOException {
    ImageManifest manifest;
    try {
      manifest = OciJson.read(manifestBytes, ImageManifest.class);
    } catch (java.io.IOException e) {
      throw new java.io.IOException("invalid cache manifest " + manifestDescriptor.digest() + ": " + e.getMessage(), e);
    }
    if (manifest.config() == null) {
      throw new java.io.IOException("invalid cache manifest " + manifestDescriptor.digest() + ": no config");
    }
    if (!CacheConfig.MEDIA_TYPE.equals(manifest.config().mediaType())) {
      throw new java.io.IOException("manifest " + manifestDescriptor.digest() + " is not a jbuild cache (config media type "
          + manifest.config().mediaType() + ", expected " + CacheConfig.MEDIA_TYPE + ")");
    }
    if (!Digest.sha256(configBytes).equals(manifest.config().digest())) {
      throw new java.io.IOException("cache config does not match digest " + manifest.config().digest());
    }
    CacheConfig config = CacheConfig.fromJson(configBytes);
    return new CacheImage(config, configBytes, manifest.config(), manifestBytes, manifestDescriptor, manifest);
  }

  public CacheImage {
    configBytes = configBytes.clone();
    manifestBytes = manifestBytes.clone();
  }

  @Override
  public byte[] configBytes() {
    return configBytes.clone();
  }

  @Override
  public byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  /** The layer blobs, in manifest order. */
  public List<Descriptor> layers() {
    return manifest.layers();
  }
}
