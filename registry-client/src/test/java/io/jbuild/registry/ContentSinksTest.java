package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSinksTest {
  @TempDir
  Path tmp;

  private long regularFiles() throws IOException {
    try (var walk = Files.walk(tmp)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void commitsVerifiedContentAndDiscardsTheRest() throws IOException {
    ContentSink sink = ContentSinks.ociLayout(tmp);
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(hello);
    assertFalse(sink.has(d));
    try (BlobWriter w = sink.create(Descriptor.of("x", d, 5))) {
      w.write("junk".getBytes(StandardCharsets.UTF_8), 0, 4);
      w.reset();
      assertEquals(0, w.size());
      w.write(hello, 0, 2);
      w.write(hello, 2, 3);
      w.commit(d);
    }
    assertTrue(sink.has(d));
    assertArrayEquals(hello, Files.readAllBytes(tmp.resolve("blobs/sha256/" + d.hex())));
    assertEquals(1, regularFiles());

    Digest other = Digest.sha256(new byte[] {1});
    try (BlobWriter w = sink.create(Descriptor.of("x", other, 5))) {
      w.write(hello, 0, 5);
      IOException e = assertThrows(IOException.class, () -> w.commit(other));
      assertTrue(e.getMessage().startsWith("storing blob " + other + ": content has digest " + d), e.getMessage());
    }
    assertFalse(sink.has(other));
    try (BlobWriter w = sink.create(Descriptor.of("x", other, 1))) {
      w.write(new byte[] {1}, 0, 1);
    }
    assertFalse(sink.has(other), "closed without commit");
    assertEquals(1, regularFiles());
  }

  @Test
  void blobStoreSinkVerifiesAndResets() throws IOException {
    BlobStore store = BlobStore.open(tmp.resolve("store"));
    ContentSink sink = ContentSinks.blobStore(store);
    byte[] data = "layer bytes".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(data);
    try (BlobWriter w = sink.create(Descriptor.of("x", d, data.length))) {
      w.write(new byte[] {9, 9}, 0, 2);
      w.reset();
      w.write(data, 0, data.length);
      w.commit(d);
    }
    assertTrue(sink.has(d));
    assertArrayEquals(data, store.readAll(d));
    Digest wrong = Digest.sha256(new byte[] {2});
    try (BlobWriter w = sink.create(Descriptor.of("x", wrong, data.length))) {
      w.write(data, 0, data.length);
      assertThrows(IOException.class, () -> w.commit(wrong));
    }
    assertFalse(sink.has(wrong));
  }
}
