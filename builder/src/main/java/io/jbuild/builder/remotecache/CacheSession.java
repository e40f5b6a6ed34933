package io.jbuild.builder.remotecache;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.registry.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cache side of one build, in one object the builder holds: a {@link CacheSource} (local step
 * cache, then the {@code --cache-from} caches) and a {@link CacheRecorder} whose steps
 * {@link #export} writes to every {@code --cache-to} spec when the build has finished. Without
 * {@code --cache-to} nothing is recorded; without {@code --cache-from} no registry is contacted.
 * Thread-safe.
 */
public final class CacheSession implements CacheSource, CacheRecorder {
  private final List<CacheSpec> exports;
  private final StepCache local;
  private final BlobStore blobs;
  private final Supplier<RegistryClient> registry;
  private final Consumer<String> messages;
  private final CompletableFuture<CacheSource> source;
  private final Map<String, RecordedStep> recorded = new LinkedHashMap<>();

  private CacheSession(List<CacheSpec> exports, StepCache local, BlobStore blobs, Supplier<RegistryClient> registry,
      Consumer<String> messages, CompletableFuture<CacheSource> source) {
    this.exports = List.copyOf(exports);
    this.local = local;
    this.blobs = blobs;
    this.registry = registry;
    this.messages = messages;
    this.source = source;
  }

  /**
   * Opens the session and starts loading the {@code from} caches (manifests and configs only; a
   * missing one is a warning) in the background, so that the build resolves its base images and
   * hashes its context meanwhile; the first {@link #find} waits for them. {@code messages} receives
   * progress lines and warnings.
   */
  public static CacheSession open(List<CacheSpec> from, List<CacheSpec> to, StepCache local, BlobStore blobs,
      Supplier<RegistryClient> registry, Consumer<String> messages) {
    CompletableFuture<CacheSource> source = from.isEmpty()
        ? CompletableFuture.completedFuture(CacheSources.local(local, blobs))
        : CompletableFuture.supplyAsync(() -> CacheSources.withRemote(local, blobs,
            RemoteCache.load(from, registry, blobs, messages), messages));
    return new CacheSession(to, local, blobs, registry, messages, source);
  }

  @Override
  public Optional<ImageState> find(CacheKey key) throws IOException {
    CacheSource s;
    try {
      s = source.join();
    } catch (CompletionException e) {
      // RemoteCache.load turns every failure into a warning; anything else is a bug worth its message
      throw new IOException("importing the build cache: " + e.getCause(), e.getCause());
    }
    return s.find(key);
  }

  @Override
  public void record(String stage, CacheKey key, ImageState state) {
    if (exports.isEmpty()) {
      return;
    }
    synchronized (recorded) {
      recorded.put(key.hex(), new RecordedStep(stage, key, state));
    }
  }

  /** The steps recorded so far, in recording order. */
  public List<RecordedStep> recorded() {
    synchronized (recorded) {
      return new ArrayList<>(recorded.values());
    }
  }

  /**
   * Exports the recorded steps to every {@code --cache-to} spec ({@code finalState}: the built image,
   * for {@code mode=min}). A failure is a {@link BuildException} naming the destination, or a warning
   * when the spec says {@code ignore-error=true}.
   */
  public List<CacheExporter.ExportResult> export(ImageState finalState) throws BuildException {
    List<CacheExporter.ExportResult> results = new ArrayList<>();
    for (CacheSpec spec : exports) {
      if (CacheExporter.select(spec.mode(), recorded(), finalState).isEmpty()) {
        messages.accept("exporting cache to " + spec.describe() + ": no cached steps, nothing exported");
        continue;
      }
      messages.accept("exporting cache to " + spec.describe());
      try {
        CacheExporter.ExportResult r = CacheExporter.export(spec, recorded(), finalState, blobs, registry);
        messages.accept("exported cache " + r.manifest().digest() + " to " + spec.describe() + " (" + r.steps()
            + " steps, " + r.layers() + " layers)");
        results.add(r);
      } catch (IOException | RuntimeException e) {
        if (spec.ignoreError()) {
          messages.accept("warning: " + e.getMessage());
        } else {
          throw new BuildException(e.getMessage(), e);
        }
      }
    }
    return results;
  }

  /** The local step cache this session writes remote hits into. */
  public StepCache localCache() {
    return local;
  }
}
