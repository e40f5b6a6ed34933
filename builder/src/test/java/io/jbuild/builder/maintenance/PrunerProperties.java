package io.jbuild.builder.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.state.ImageState;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LayerCache;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@code --keep-storage} on generated stores (real step cache entries written by {@link StepCache},
 * real blobs, one named image sharing a layer with an entry): the entries removed are exactly the
 * least recently used ones, as few as reach the size, and named content is never removed.
 */
class PrunerProperties {

  @Property(tries = 25)
  void keepStorageRemovesTheFewestLeastRecentlyUsedEntries(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40_000) Integer> layerSizes,
      @ForAll @IntRange(min = 0, max = 100) int keepPercent, @ForAll long seed) throws Exception {
    Path root = Files.createTempDirectory("prune-prop");
    try {
      JbuildHome home = new JbuildHome(root);
      BlobStore blobs = BlobStore.open(home.blobs(), home.tmp().resolve("ingest"));
      StepCache cache = new StepCache(home.cache());
      Random random = new Random(seed);
      int n = layerSizes.size();
      List<Integer> ages = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ages.add(i + 1);
      }
      Collections.shuffle(ages, random);
      List<Path> entries = new ArrayList<>();
      List<Descriptor> layers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        byte[] bytes = Homes.noise(random.nextLong(), layerSizes.get(i));
        Descriptor layer = blobs.put(MediaTypes.OCI_LAYER_TAR, bytes);
        layers.add(layer);
        ImageState state = new ImageState(ImageConfig.scratch(Platform.host()), List.of())
            .withLayer(layer, Digest.sha256(bytes), "COPY " + i, Instant.EPOCH);
        CacheKey key = new CacheKey(Digest.sha256(("key" + i).getBytes()));
        cache.put(key, state);
        Path entry = home.cache().resolve(key.hex());
        Files.setLastModifiedTime(entry, FileTime.from(Instant.now().minus(Duration.ofHours(ages.get(i)))));
        entries.add(entry);
      }
      // a named image pins the first entry's layer
      Descriptor config = blobs.put(MediaTypes.OCI_CONFIG, OciJson.write(ImageConfig.scratch(Platform.host())));
      Descriptor manifest = blobs.put(MediaTypes.OCI_MANIFEST,
          OciJson.write(ImageManifest.oci(config, List.of(layers.get(0)))));
      new NameIndex(home.index()).put("docker.io/library/pinned:1", manifest);

      long total = DiskUsage.of(home).total();
      long keep = total * keepPercent / 100;
      PruneReport r = Pruner.of(home).prune(PruneOptions.unreferenced().withKeepStorage(keep)
          .withGrace(Duration.ZERO));

      List<Path> oldestFirst = new ArrayList<>(entries);
      oldestFirst.sort((a, b) -> ages.get(entries.indexOf(b)) - ages.get(entries.indexOf(a)));
      Set<Path> removed = r.removed().stream().filter(i -> i.kind() == StoreItem.Kind.CACHE_ENTRY)
          .map(StoreItem::path).collect(Collectors.toSet());
      int k = removed.size();
      assertEquals(Set.copyOf(oldestFirst.subList(0, k)), removed, "an LRU prefix");
      assertTrue(r.usageAfter() <= keep || k == n, r.summary() + " keep " + keep);
      if (k > 0) {
        Path last = oldestFirst.get(k - 1);
        int idx = entries.indexOf(last);
        long lastFreed = r.removed().stream().filter(i -> i.path().equals(last)).findFirst().orElseThrow().size()
            + (idx == 0 ? 0 : layers.get(idx).size());
        assertTrue(r.usageAfter() + lastFreed > keep, "one victim fewer would not have reached the size");
      }
      assertEquals(r.usageAfter(), DiskUsage.of(home).total());
      assertTrue(blobs.has(layers.get(0).digest()) && blobs.has(config.digest()) && blobs.has(manifest.digest()),
          "named content stays");
      for (int i = 0; i < n; i++) {
        assertEquals(!removed.contains(entries.get(i)) || i == 0, blobs.has(layers.get(i).digest()),
            "layer " + i + " stays exactly while something references it");
      }
      assertTrue(StoreVerifier.of(home).verify(StoreVerifier.Options.check()).sound());
    } finally {
      LayerCache.deleteTree(root);
    }
  }
}
