package io.jbuild.oci.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** put → read round trips; the digest is the content's, however the bytes are chunked. */
class BlobStoreProperties {
  private Path dir;
  private BlobStore store;

  @BeforeProperty
  void open() throws Exception {
    dir = Files.createTempDirectory("blobstore-props");
    store = BlobStore.open(dir);
  }

  @AfterProperty
  void cleanUp() throws Exception {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 100)
  void putAndReadBack(@ForAll @Size(max = 70_000) byte[] content, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9000) int chunk)
      throws Exception {
    Descriptor d;
    try (BlobWriter w = store.writer()) {
      for (int off = 0; off < content.length; off += chunk) {
        w.write(content, off, Math.min(chunk, content.length - off));
      }
      d = w.commit();
    }
    assertEquals(Digest.sha256(content), d.digest());
    assertEquals(content.length, d.size());
    assertArrayEquals(content, store.readAll(d.digest()));
    assertEquals(d, store.put(new ByteArrayInputStream(content)));
    assertEquals(content.length, store.size(d.digest()));
  }
}
