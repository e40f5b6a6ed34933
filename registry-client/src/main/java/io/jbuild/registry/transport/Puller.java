package io.jbuild.registry.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.json.OciJson;
import io.jbuild.registry.BlobWriter;
import io.jbuild.registry.ContentSink;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PlatformMatcher;
import io.jbuild.registry.PulledImage;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.TransferListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pull: tag or digest → manifest (through an index, picking the platform) → config → layers into a
 * {@link ContentSink}. Every document and blob is verified against its digest while it streams.
 */
final class Puller {
  private static final long MAX_CONFIG = 16L << 20;

  private final Caller caller;
  private final int parallelism;
  private final Duration readTimeout;

  Puller(Caller caller, int parallelism, Duration readTimeout) {
    this.caller = caller;
    this.parallelism = parallelism;
    this.readTimeout = readTimeout;
  }

  /** The index (if any), the chosen manifest and the config. */
  record Resolved(PulledImage image, FetchedManifest index) {}

  Resolved resolve(ImageReference ref, Platform platform) throws RegistryException {
    String repo = ref.repository();
    List<String> scopes = Caller.pull(repo);
    FetchedManifest top = caller.call(scopes, new ManifestGet(repo, ref.manifestReference(), ref.digest()));
    FetchedManifest index = null;
    FetchedManifest chosen = top;
    Platform chosenPlatform = platform;
    if (MediaTypes.isIndex(top.mediaType())) {
      index = top;
      ImageIndex idx = read(top.bytes(), ImageIndex.class, "image index");
      Platform wanted = platform != null ? platform : Platform.host();
      Descriptor d = PlatformMatcher.best(idx.manifests(), wanted).orElseThrow(() -> new RegistryException(
          "no manifest for platform " + wanted.format() + " (available: " + idx.manifests().stream()
              .filter(m -> m.platform() != null).map(m -> m.platform().format()).distinct()
              .collect(Collectors.joining(", ")) + ")", "MANIFEST_UNKNOWN", 0, false, null, null));
      chosen = caller.call(scopes, new ManifestGet(repo, d.digest().toString(), d.digest()));
      if (!MediaTypes.isManifest(chosen.mediaType())) {
        throw new RegistryException("manifest " + d.digest() + " for " + wanted.format()
            + " is not an image manifest but " + chosen.mediaType());
      }
      chosenPlatform = d.platform();
    }
    ImageManifest manifest = read(chosen.bytes(), ImageManifest.class, "image manifest");
    Descriptor config = manifest.config();
    if (config == null) {
      throw new RegistryException("manifest " + chosen.digest() + " has no config");
    }
    if (config.size() > MAX_CONFIG) {
      throw new RegistryException("config " + config.digest() + " is too large: " + config.size() + " bytes");
    }
    byte[] configBytes;
    try (MemoryWriter w = new MemoryWriter()) {
      caller.call(scopes, new BlobGet(repo, config, w, TransferListener.NONE, readTimeout));
      configBytes = w.bytes();
    } catch (IOException e) {
      throw new RegistryException("fetching config " + config.digest() + ": " + e.getMessage(), e);
    }
    if (chosenPlatform == null) {
      chosenPlatform = platformOf(configBytes);
    }
    PulledImage image = new PulledImage(ref, index == null ? null : index.digest(), chosen.descriptor(),
        chosen.bytes(), manifest, configBytes, chosenPlatform);
    return new Resolved(image, index);
  }

  PulledImage pull(ImageReference ref, Platform platform, ContentSink sink, TransferListener listener)
      throws RegistryException {
    Resolved r = resolve(ref, platform);
    PulledImage image = r.image();
    String repo = ref.repository();
    List<String> scopes = Caller.pull(repo);
    Map<Digest, Descriptor> layers = new LinkedHashMap<>();
    for (Descriptor l : image.layers()) {
      layers.putIfAbsent(l.digest(), l);
    }
    List<Transfers.Task> tasks = new ArrayList<>();
    try {
      for (Descriptor layer : layers.values()) {
        if (sink.has(layer.digest())) {
          listener.skipped(layer, TransferListener.Skip.EXISTS);
          continue;
        }
        tasks.add(() -> download(repo, scopes, layer, sink, listener));
      }
    } catch (IOException e) {
      throw new RegistryException("reading local store: " + e.getMessage(), e);
    }
    Transfers.runAll(tasks, parallelism);
    try {
      store(sink, image.config(), image.configBytes());
      store(sink, image.manifestDescriptor(), image.manifestBytes());
      if (r.index() != null) {
        store(sink, r.index().descriptor(), r.index().bytes());
      }
    } catch (IOException e) {
      throw new RegistryException("storing manifest and config: " + e.getMessage(), e);
    }
    return image;
  }

  private void download(String repo, List<String> scopes, Descriptor layer, ContentSink sink,
      TransferListener listener) throws RegistryException {
    try (BlobWriter w = sink.create(layer)) {
      listener.started(layer);
      caller.call(scopes, new BlobGet(repo, layer, w, listener, readTimeout));
      listener.completed(layer);
    } catch (IOException e) {
      throw new RegistryException("fetching blob " + layer.digest() + ": " + e.getMessage(), e);
    }
  }

  private static void store(ContentSink sink, Descriptor d, byte[] bytes) throws IOException {
    if (sink.has(d.digest())) {
      return;
    }
    try (BlobWriter w = sink.create(d)) {
      w.write(bytes, 0, bytes.length);
      w.commit(d.digest());
    }
  }

  private static <T> T read(byte[] bytes, Class<T> type, String what) throws RegistryException {
    try {
      return OciJson.read(bytes, type);
    } catch (IOException e) {
      throw new RegistryException("invalid " + what + ": " + e.getMessage(), e);
    }
  }

  private static Platform platformOf(byte[] config) {
    try {
      JsonNode n = OciJson.readTree(config);
      String os = n.path("os").asText("");
      String arch = n.path("architecture").asText("");
      if (os.isEmpty() || arch.isEmpty()) {
        return null;
      }
      String variant = n.path("variant").asText("");
      return Platform.of(os, arch, variant.isEmpty() ? null : variant);
    } catch (IOException e) {
      return null;
    }
  }
}
