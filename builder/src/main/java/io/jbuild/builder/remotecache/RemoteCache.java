package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.registry.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The imported caches of one build ({@code --cache-from}, in order; the first that has a key wins),
 * loaded once: only the cache manifests and configs are read, no layer. {@link #lookup} answers a key
 * from memory; {@link #materialize} then fetches only the layers of that state that the local store
 * lacks and writes the local step cache entry, so a later identical build is a plain local hit. Each key
 * is looked up independently: a miss does not stop later lookups. Thread-safe.
 */
public final class RemoteCache {
  private record Source(CacheLocation location, CacheImage image) {}

  private record Entry(ImageState state, Source source) {}

  private final List<Source> sources;
  private final Map<String, Entry> entries;

  private RemoteCache(List<Source> sources) {
    this.sources = List.copyOf(sources);
    Map<String, Entry> m = new HashMap<>();
    for (Source s : sources) {
      s.image().config().steps().forEach((hex, state) -> m.putIfAbsent(hex, new Entry(state, s)));
    }
    this.entries = Map.copyOf(m);
  }

  /** A cache without entries. */
  public static RemoteCache empty() {
    return new RemoteCache(List.of());
  }

  /**
   * Loads every spec's cache image (manifest and config). A spec whose cache does not exist or cannot
   * be read is skipped with a warning through {@code messages}, as BuildKit does: the build then runs
   * without it. {@code local} keeps the loaded manifests and configs, so loading an unchanged cache
   * again downloads nothing.
   */
  public static RemoteCache load(List<CacheSpec> specs, Supplier<RegistryClient> registry, BlobStore local,
      Consumer<String> messages) {
    List<Source> sources = new ArrayList<>();
    for (CacheSpec spec : specs) {
      CacheLocation location = CacheLocations.of(spec, registry, local, false);
      messages.accept("importing cache manifest from " + location.describe());
      try {
        Optional<CacheImage> image = location.load();
        if (image.isEmpty()) {
          messages.accept("warning: importing cache from " + location.describe() + ": not found");
        } else {
          sources.add(new Source(location, image.get()));
        }
      } catch (IOException | RuntimeException e) {
        messages.accept("warning: importing cache from " + location.describe() + ": " + e.getMessage());
      }
    }
    return new RemoteCache(sources);
  }

  /** The number of distinct cache keys known. */
  public int size() {
    return entries.size();
  }

  /** The state cached under {@code key} in one of the imported caches. */
  public Optional<ImageState> lookup(CacheKey key) {
    Entry e = entries.get(key.hex());
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  /**
   * Makes the cached {@code key} a local hit: copies the layers of its state that {@code blobs} lacks
   * from the cache that holds the key (verified by digest), then stores the state in {@code local}.
   * Returns the state.
   *
   * @throws IOException when the key is unknown or a blob cannot be fetched (nothing is written then)
   */
  public ImageState materialize(CacheKey key, BlobStore blobs, StepCache local) throws IOException {
    Entry e = entries.get(key.hex());
    if (e == null) {
      throw new IOException("cache key " + key + " is in no imported cache");
    }
    List<Descriptor> missing = new ArrayList<>();
    for (Descriptor l : e.state().layers()) {
      if (!blobs.has(l.digest())) {
        missing.add(l);
      }
    }
    if (!missing.isEmpty()) {
      try {
        e.source().location().fetch(e.source().image(), missing, blobs);
      } catch (IOException ex) {
        throw new IOException("fetching cached layers from " + e.source().location().describe() + ": "
            + ex.getMessage(), ex);
      }
    }
    local.put(key, e.state());
    return e.state();
  }

  /**
   * Fetches every layer of every imported cache that {@code blobs} lacks ({@code jbuild warm}: the keys
   * a build will hit are not known without its context). Returns the layers fetched and their bytes.
   */
  public Prefetched prefetchAll(BlobStore blobs) throws IOException {
    int count = 0;
    long bytes = 0;
    for (Source s : sources) {
      List<Descriptor> missing = new ArrayList<>();
      for (Descriptor l : s.image().layers()) {
        if (!blobs.has(l.digest()) && missing.stream().noneMatch(m -> m.digest().equals(l.digest()))) {
          missing.add(l);
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      try {
        s.location().fetch(s.image(), missing, blobs);
      } catch (IOException ex) {
        throw new IOException("fetching cache layers from " + s.location().describe() + ": " + ex.getMessage(), ex);
      }
      count += missing.size();
      for (Descriptor d : missing) {
        bytes += d.size();
      }
    }
    return new Prefetched(count, bytes);
  }

  /** A layer blob of an imported cache with the diff id of its uncompressed tar. */
  public record CachedLayer(Descriptor blob, io.jbuild.oci.Digest diffId) {}

  /** Every layer the imported caches' states reference, each once. */
  public List<CachedLayer> layers() {
    Map<io.jbuild.oci.Digest, CachedLayer> out = new java.util.LinkedHashMap<>();
    for (Source s : sources) {
      for (ImageState state : s.image().config().steps().values()) {
        for (int i = 0; i < state.layers().size(); i++) {
          Descriptor l = state.layers().get(i);
          out.putIfAbsent(l.digest(), new CachedLayer(l, state.diffIds().get(i)));
        }
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * Writes every entry whose layers are all in {@code blobs} into {@code local} (after
   * {@link #prefetchAll}: all of them), so builds hit them locally. Returns how many were written.
   */
  public int storeAll(BlobStore blobs, StepCache local) throws IOException {
    int n = 0;
    for (Map.Entry<String, Entry> e : new java.util.TreeMap<>(entries).entrySet()) {
      ImageState state = e.getValue().state();
      if (state.layers().stream().allMatch(l -> blobs.has(l.digest()))) {
        local.put(new CacheKey(new io.jbuild.oci.Digest("sha256", e.getKey())), state);
        n++;
      }
    }
    return n;
  }

  /** What {@link #prefetchAll} fetched: layer count and compressed bytes. */
  public record Prefetched(int layers, long bytes) {}

  /** The imported caches, described, in order. */
  public List<String> sources() {
    return sources.stream().map(s -> s.location().describe()).toList();
  }
}
