package io.jbuild.builder.store;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local image store under a {@link JbuildHome}: blobs ({@link BlobStore}), the name index
 * ({@link NameIndex}) and the extracted-layer cache ({@link LayerCache}). Blobs are always written
 * before the name that references them, so a crash never leaves a name pointing at missing content.
 */
public final class LocalImageStore {
  private final JbuildHome home;
  private final BlobStore blobs;
  private final NameIndex names;
  private final LayerCache layers;

  private LocalImageStore(JbuildHome home, BlobStore blobs) {
    this.home = home;
    this.blobs = blobs;
    this.names = new NameIndex(home.index());
    this.layers = new LayerCache(home.layers(), blobs);
  }

  /** Opens (creating if needed) the store of {@code home}. */
  public static LocalImageStore open(JbuildHome home) throws IOException {
    return new LocalImageStore(home, BlobStore.open(home.blobs(), home.tmp().resolve("ingest")));
  }

  public JbuildHome home() {
    return home;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public NameIndex names() {
    return names;
  }

  public LayerCache layers() {
    return layers;
  }

  /** An image summary for {@code jbuild images}. */
  public record ImageSummary(String name, Digest digest, Digest configDigest, long size) {}

  /** Writes an image state's config and manifest blobs (OCI media types); returns the manifest descriptor. */
  public Descriptor putImage(ImageState state) throws IOException {
    Descriptor config = blobs.put(MediaTypes.OCI_CONFIG, OciJson.write(state.config()));
    ImageManifest manifest = ImageManifest.oci(config, state.layers());
    return blobs.put(MediaTypes.OCI_MANIFEST, OciJson.write(manifest));
  }

  /** Names an image (normalising the name as Docker does); returns the normalised name. */
  public String tag(String name, Descriptor manifest) throws BuildException, IOException {
    String normalized = normalize(name);
    names.put(normalized, manifest);
    return normalized;
  }

  /** Reads a stored image by manifest descriptor (verifying the blobs read). */
  public StoredImage read(Descriptor manifestDescriptor) throws IOException {
    ImageManifest manifest = OciJson.read(blobs.readAll(manifestDescriptor.digest()), ImageManifest.class);
    ImageConfig config = OciJson.read(blobs.readAll(manifest.config().digest()), ImageConfig.class);
    return new StoredImage(manifestDescriptor, manifest, config);
  }

  /** The image named {@code name} (any Docker spelling), if the store has it. */
  public Optional<StoredImage> find(String name) throws BuildException, IOException {
    Descriptor d = names.get(normalize(name));
    if (d == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(d));
    } catch (IOException e) {
      throw new BuildException("reading image " + name + " from the local store: " + e.getMessage(), e);
    }
  }

  /** The named images, sorted by name. */
  public List<ImageSummary> images() throws IOException {
    List<ImageSummary> out = new ArrayList<>();
    for (Map.Entry<String, Descriptor> e : names.list().entrySet()) {
      long size = e.getValue().size();
      Digest config = null;
      try {
        StoredImage img = read(e.getValue());
        config = img.manifest().config().digest();
        size += img.manifest().config().size();
        for (Descriptor l : img.manifest().layers()) {
          size += l.size();
        }
      } catch (IOException ignored) {
        // listed anyway; a broken image shows without config
      }
      out.add(new ImageSummary(ImageNames.familiar(e.getKey()), e.getValue().digest(), config, size));
    }
    return out;
  }

  /** Removes a name; false when it did not exist. */
  public boolean remove(String name) throws BuildException, IOException {
    return names.remove(normalize(name)) != null;
  }

  /**
   * Deletes blobs no name references (manifests, configs, layers of named images) and no step cache
   * entry references (unless {@code all}, which also drops the step cache); also drops extracted
   * layers whose blobs are gone. Returns the number of blobs removed.
   */
  public int prune(boolean all) throws IOException {
    Set<Digest> keep = new HashSet<>();
    for (Descriptor d : names.list().values()) {
      keep.add(d.digest());
      try {
        StoredImage img = read(d);
        keep.add(img.manifest().config().digest());
        img.manifest().layers().forEach(l -> keep.add(l.digest()));
        layerKeep(img.config()).forEach(keep::add);
      } catch (IOException ignored) {
        // a broken image keeps only what can be read
      }
    }
    Path cache = home.cache();
    if (all) {
      LayerCache.deleteTree(cache);
    } else if (Files.isDirectory(cache)) {
      try (Stream<Path> entries = Files.list(cache)) {
        for (Path p : (Iterable<Path>) entries::iterator) {
          String text = Files.readString(p);
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("sha256:[a-f0-9]{64}").matcher(text);
          while (m.find()) {
            keep.add(Digest.parse(m.group()));
          }
        }
      }
    }
    int removed = 0;
    List<Digest> present;
    try (Stream<Digest> s = blobs.list()) {
      present = s.toList();
    }
    for (Digest d : present) {
      if (!keep.contains(d) && blobs.delete(d)) {
        removed++;
      }
    }
    if (Files.isDirectory(home.layers())) {
      try (Stream<Path> dirs = Files.list(home.layers())) {
        for (Path p : (Iterable<Path>) dirs::iterator) {
          String n = p.getFileName().toString();
          if (n.matches("[a-f0-9]{64}") && !keep.contains(new Digest("sha256", n))) {
            LayerCache.deleteTree(p);
          }
        }
      }
    }
    return removed;
  }

  private static List<Digest> layerKeep(ImageConfig config) {
    return config.rootfs().diffIds();
  }

  /** Docker's normalisation of {@code name}; an invalid name is a user error. */
  public static String normalize(String name) throws BuildException {
    try {
      return ImageNames.normalize(name);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage());
    }
  }
}
