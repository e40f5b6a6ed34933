package io.jbuild.builder.remotecache;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.exec.LayerMaker;
import io.jbuild.builder.state.ImageState;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.layer.Compression;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.oci.layout.OciLayoutReader;
import io.jbuild.registry.testing.BusyboxImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A "machine" for cache tests: a home with the busybox test image in its store, and step makers. */
final class CacheFixtures {
  static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  final LocalImageStore store;
  final ImageState base;
  final String baseKey;

  private CacheFixtures(LocalImageStore store, ImageState base, String baseKey) {
    this.store = store;
    this.base = base;
    this.baseKey = baseKey;
  }

  /** A home under {@code dir} whose store holds the busybox test image. */
  static CacheFixtures machine(Path dir) throws IOException {
    LocalImageStore store = LocalImageStore.open(new JbuildHome(dir));
    try (OciLayoutReader reader = OciLayoutReader.open(BusyboxImage.layout())) {
      ResolvedImage img = reader.pull("latest", Platform.host(), store.blobs());
      return new CacheFixtures(store, new ImageState(img.config(), img.manifest().layers()),
          img.descriptor().digest().toString());
    }
  }

  /** A key chained on {@code parent} for {@code op}, as the builder makes them. */
  static CacheKey key(String parent, String op) {
    return CacheKey.builder(parent, "linux/amd64").op(op).build();
  }

  /** {@code state} plus a layer holding {@code file} with {@code content} (a step "RUN op"). */
  ImageState step(ImageState state, String file, String content) throws IOException {
    LayerMaker.Layer layer = new LayerMaker(store.blobs(), Compression.GZIP, T)
        .write(List.of(LayerEntry.file(file, content.getBytes(StandardCharsets.UTF_8))));
    return state.withLayer(layer.blob(), layer.diffId(), "RUN make " + file, T);
  }
}
