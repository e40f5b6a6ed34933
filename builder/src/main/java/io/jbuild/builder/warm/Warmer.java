package io.jbuild.builder.warm;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.image.ImageResolver;
import io.jbuild.builder.progress.ProgressListener;
import io.jbuild.builder.remotecache.RemoteCache;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.DockerfileParser;
import io.jbuild.grammar.DockerfileSyntaxException;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.layout.LayoutReference;
import io.jbuild.registry.ContentSinks;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PulledImage;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.TransferListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code jbuild warm}: makes the next builds of some Dockerfiles on this machine need no network. For
 * every base image (see {@link BaseImages}) and extra image it resolves the tag (one {@code HEAD}, or
 * none when it was resolved less than the TTL ago), pulls what changed into the local store and names
 * it there, and extracts every layer into the shared extracted-layer cache; then it fetches all layers
 * of the {@code --cache-from} caches and writes their steps into the local step cache. Reports one line
 * per image ({@code warm: pulled REF (N layers, X MB)} or {@code warm: REF already warm}). Every store
 * write is atomic, so warming while builds run is safe.
 */
public final class Warmer {
  private final LocalImageStore store;
  private final Supplier<RegistryClient> registry;
  private final Consumer<String> out;
  private final ResolvedTags tags;
  private final Clock clock;

  public Warmer(LocalImageStore store, Supplier<RegistryClient> registry, Consumer<String> out, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.out = out;
    this.clock = clock;
    this.tags = new ResolvedTags(store.home().root().resolve("warm").resolve("resolved.json"));
  }

  public Warmer(LocalImageStore store, Supplier<RegistryClient> registry, Consumer<String> out) {
    this(store, registry, out, Clock.systemUTC());
  }

  /** Warms everything {@code req} names; images that fail are reported together at the end. */
  public WarmReport warm(WarmRequest req) throws BuildException {
    Set<BaseImage> images = new LinkedHashSet<>();
    for (Path file : req.dockerfiles()) {
      images.addAll(BaseImages.of(parse(file), req.buildArgs(), req.platform()));
    }
    for (String ref : req.images()) {
      images.add(new BaseImage(ref, req.platform()));
    }
    List<WarmReport.Image> done = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (BaseImage image : images) {
      try {
        done.add(warmImage(image, req.cacheTtl()));
      } catch (BuildException e) {
        out.accept("warm: " + image.ref() + ": " + e.getMessage());
        failures.add(e.getMessage());
      }
    }
    int[] steps = {0};
    long[] cache = {0, 0};
    if (!req.cacheFrom().isEmpty()) {
      warmCache(req, steps, cache);
    }
    if (!failures.isEmpty()) {
      throw new BuildException("warming " + failures.size() + " of " + images.size() + " images failed: "
          + String.join("; ", failures));
    }
    return new WarmReport(done, (int) cache[0], cache[1], steps[0]);
  }

  private Dockerfile parse(Path file) throws BuildException {
    if (!Files.isRegularFile(file)) {
      throw new BuildException("failed to read dockerfile: open " + file + ": no such file or directory");
    }
    try {
      return DockerfileParser.parse(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (DockerfileSyntaxException e) {
      throw new BuildException(e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("failed to read dockerfile " + file + ": " + e.getMessage(), e);
    }
  }

  private WarmReport.Image warmImage(BaseImage image, Duration ttl) throws BuildException {
    String ref = image.ref();
    if (LayoutReference.isLayoutReference(ref)) {
      StoredImage img = new ImageResolver(store, registry, ProgressListener.NONE).resolve(ref, image.platform());
      extract(img);
      out.accept("warm: " + ref + " already warm");
      return new WarmReport.Image(ref, false, 0, 0);
    }
    ImageReference reference;
    String normalized;
    try {
      reference = ImageReference.parse(ref);
      normalized = LocalImageStore.normalize(ref);
    } catch (IllegalArgumentException e) {
      throw new BuildException("invalid reference \"" + ref + "\": " + e.getMessage(), e);
    }
    Optional<StoredImage> local = local(reference, ref);
    if (local.isPresent() && upToDate(reference, normalized, local.get(), ttl)) {
      extract(local.get());
      out.accept("warm: " + ref + " already warm");
      return new WarmReport.Image(ref, false, 0, 0);
    }
    AtomicInteger layers = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    TransferListener counting = new TransferListener() {
      @Override
      public void transferred(Descriptor blob, long n) {
        bytes.addAndGet(n);
      }

      @Override
      public void completed(Descriptor blob) {
        layers.incrementAndGet();
      }
    };
    PulledImage pulled;
    StoredImage img;
    try {
      pulled = registry.get().pull(reference, image.platform(), ContentSinks.blobStore(store.blobs()), counting);
      img = store.read(pulled.manifestDescriptor());
      if (reference.digest() == null) {
        store.tag(ref, pulled.manifestDescriptor());
        tags.put(normalized, pulled.indexDigest() != null ? pulled.indexDigest() : pulled.manifestDigest(),
            clock.instant());
      }
    } catch (RegistryException e) {
      throw new BuildException("pulling " + ref + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("pulling " + ref + ": " + e.getMessage(), e);
    }
    extract(img);
    out.accept("warm: pulled " + ref + " (" + layers.get() + " layers, " + mb(bytes.get()) + ")");
    return new WarmReport.Image(ref, true, layers.get(), bytes.get());
  }

  /** The stored image {@code ref} names, if the store has it (by name, or by digest for pinned refs). */
  private Optional<StoredImage> local(ImageReference reference, String ref) throws BuildException {
    try {
      if (reference.digest() != null) {
        Digest d = reference.digest();
        if (!store.blobs().has(d)) {
          return Optional.empty();
        }
        StoredImage img = store.read(Descriptor.of(MediaTypes.OCI_MANIFEST, d, store.blobs().size(d)));
        return img.manifest().config() == null ? Optional.empty() : Optional.of(img);
      }
      return store.find(ref);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a locally held image is current: pinned by digest, resolved within the TTL, or the tag
   * still names what we hold (one HEAD). A registry that cannot be asked leaves the local image in use,
   * with a warning.
   */
  private boolean upToDate(ImageReference reference, String normalized, StoredImage local, Duration ttl) {
    if (reference.digest() != null) {
      return true;
    }
    Optional<ResolvedTags.Entry> last = tags.get(normalized);
    Instant now = clock.instant();
    if (ttl != null && last.isPresent() && last.get().at().plus(ttl).isAfter(now)) {
      return true;
    }
    try {
      Optional<Descriptor> head = registry.get().headManifest(reference);
      if (head.isEmpty()) {
        out.accept("warm: warning: " + reference.familiarString() + " is not in its registry; using the local image");
        return true;
      }
      Digest current = head.get().digest();
      boolean same = current.equals(local.descriptor().digest())
          || last.map(e -> e.digest().equals(current.toString())).orElse(false);
      if (same) {
        tags.put(normalized, current, now);
      }
      return same;
    } catch (RegistryException e) {
      out.accept("warm: warning: not re-resolving " + reference.familiarString() + ": " + e.getMessage());
      return true;
    } catch (IOException e) {
      out.accept("warm: warning: recording resolution of " + normalized + ": " + e.getMessage());
      return true;
    }
  }

  private void extract(StoredImage img) throws BuildException {
    try {
      store.layers().extractAll(img.manifest().layers(), img.config().rootfs().diffIds());
    } catch (IOException e) {
      throw new BuildException("extracting the layers of " + img.descriptor().digest() + ": " + e.getMessage(), e);
    }
  }

  private void warmCache(WarmRequest req, int[] steps, long[] cache) throws BuildException {
    RemoteCache remote = RemoteCache.load(req.cacheFrom(), registry, store.blobs(),
        m -> out.accept("warm: " + m));
    if (remote.size() == 0) {
      return;
    }
    try {
      RemoteCache.Prefetched p = remote.prefetchAll(store.blobs());
      for (RemoteCache.CachedLayer l : remote.layers()) {
        store.layers().extractAll(List.of(l.blob()), List.of(l.diffId()));
      }
      steps[0] = remote.storeAll(store.blobs(), new StepCache(store.home().cache()));
      cache[0] = p.layers();
      cache[1] = p.bytes();
      String what = String.join(", ", remote.sources());
      out.accept(p.layers() == 0 ? "warm: cache " + what + " already warm"
          : "warm: pulled cache " + what + " (" + p.layers() + " layers, " + mb(p.bytes()) + ")");
    } catch (IOException e) {
      throw new BuildException("warming the cache: " + e.getMessage(), e);
    }
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
