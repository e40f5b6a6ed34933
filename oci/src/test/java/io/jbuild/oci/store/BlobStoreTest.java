package io.jbuild.oci.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void putThenReadBack() throws IOException {
    BlobStore store = BlobStore.open(dir);
    Descriptor d = store.put("application/json", bytes("{\"a\":1}"));
    assertEquals(Digest.sha256(bytes("{\"a\":1}")), d.digest());
    assertEquals(7, d.size());
    assertEquals("application/json", d.mediaType());
    assertTrue(store.has(d.digest()));
    assertEquals(7, store.size(d.digest()));
    assertEquals(dir.resolve("blobs/sha256/" + d.digest().hex()), store.path(d.digest()));
    assertArrayEquals(bytes("{\"a\":1}"), store.readAll(d.digest()));
    assertEquals(List.of(d.digest()), store.list().collect(Collectors.toList()));
    assertTrue(store.delete(d.digest()));
    assertFalse(store.has(d.digest()));
    assertFalse(store.delete(d.digest()));
    assertEquals(0, store.list().count());
    assertEmptyIngest();
  }

  @Test
  void missingBlobIsAClearError() throws IOException {
    BlobStore store = BlobStore.open(dir);
    Digest missing = Digest.sha256(bytes("nope"));
    BlobNotFoundException e = assertThrows(BlobNotFoundException.class, () -> store.open(missing));
    assertEquals("blob " + missing + " not found in " + dir.toAbsolutePath().normalize(), e.getMessage());
    assertThrows(BlobNotFoundException.class, () -> store.size(missing));
    assertThrows(BlobNotFoundException.class, () -> store.readAll(missing));
  }

  @Test
  void writerComputesDigestWhileStreaming() throws IOException {
    BlobStore store = BlobStore.open(dir);
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    new Random(1).nextBytes(big);
    Descriptor d;
    try (BlobWriter w = store.writer()) {
      for (int i = 0; i < big.length; i += 1000) {
        w.write(big, i, Math.min(1000, big.length - i));
      }
      w.write(7);
      assertEquals(big.length + 1, w.size());
      d = w.commit("application/octet-stream");
    }
    byte[] all = new byte[big.length + 1];
    System.arraycopy(big, 0, all, 0, big.length);
    all[big.length] = 7;
    assertEquals(Digest.sha256(all), d.digest());
    assertEquals(all.length, d.size());
    try (InputStream in = store.open(d.digest())) {
      assertArrayEquals(all, in.readAllBytes());
    }
    store.verify(d.digest());
    assertEmptyIngest();
  }

  @Test
  void expectedDigestMismatchLeavesNothingBehind() throws IOException {
    BlobStore store = BlobStore.open(dir);
    Digest expected = Digest.sha256(bytes("right"));
    BlobWriter w = store.writer(expected);
    w.write(bytes("wrong"));
    CorruptBlobException e = assertThrows(CorruptBlobException.class, w::commit);
    assertEquals(expected, e.digest());
    assertTrue(e.getMessage().startsWith("corrupt blob " + expected + ": content written has digest sha256:"), e.getMessage());
    assertFalse(store.has(expected));
    assertEquals(0, store.list().count());
    assertEmptyIngest();

    Descriptor wrongSize = new Descriptor(null, Digest.sha256(bytes("right")), 99, null, null, null, null);
    assertThrows(CorruptBlobException.class, () -> store.put(new ByteArrayInputStream(bytes("right")), wrongSize));
    assertFalse(store.has(expected));
    assertEmptyIngest();

    Descriptor ok = Descriptor.of(null, expected, 5);
    assertEquals(ok, store.put(new ByteArrayInputStream(bytes("right")), ok));
    assertTrue(store.has(expected));
  }

  @Test
  void abortAndCloseDiscard() throws IOException {
    BlobStore store = BlobStore.open(dir);
    BlobWriter w = store.writer();
    w.write(bytes("partial"));
    w.abort();
    w.abort();
    assertThrows(IOException.class, () -> w.write(1));
    try (BlobWriter w2 = store.writer()) {
      w2.write(bytes("partial"));
    }
    assertEquals(0, store.list().count());
    assertEmptyIngest();
  }

  @Test
  void corruptBlobDetectedOnRead() throws IOException {
    BlobStore store = BlobStore.open(dir);
    Descriptor d = store.put(bytes("{\"config\":true}"));
    Files.write(store.path(d.digest()), bytes("{\"config\":fals}"));
    CorruptBlobException e = assertThrows(CorruptBlobException.class, () -> store.readAll(d.digest()));
    assertEquals(d.digest(), e.digest());
    assertTrue(e.getMessage().startsWith("corrupt blob " + d.digest() + ": content has digest "), e.getMessage());
    assertThrows(CorruptBlobException.class, () -> store.verify(d.digest()));
    try (InputStream in = store.open(d.digest())) {
      assertThrows(CorruptBlobException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
      assertThrows(CorruptBlobException.class, in::read);
    }
  }

  @Test
  void truncatedOrOversizedStreamsFailVerification() {
    Digest digest = Digest.sha256(bytes("hello"));
    assertThrows(CorruptBlobException.class,
        () -> VerifyingInputStream.of(new ByteArrayInputStream(bytes("hell")), digest, 5).readAllBytes());
    assertThrows(CorruptBlobException.class,
        () -> VerifyingInputStream.of(new ByteArrayInputStream(bytes("hello!")), digest, 5).readAllBytes());
  }

  @Test
  void manyThreadsWritingTheSameAndDifferentBlobs() throws Exception {
    BlobStore store = BlobStore.open(dir);
    byte[] shared = new byte[1 << 20];
    new Random(7).nextBytes(shared);
    Digest sharedDigest = Digest.sha256(shared);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Digest>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads * 4; i++) {
        int n = i;
        Callable<Digest> task = () -> {
          start.await();
          if (n % 2 == 0) {
            try (BlobWriter w = store.writer(sharedDigest)) {
              for (int off = 0; off < shared.length; off += 4096) {
                w.write(shared, off, 4096);
                if (off % (64 * 4096) == 0) {
                  Thread.yield();
                }
              }
              Digest d = w.commit().digest();
              assertArrayEquals(shared, store.readAll(d));
              return d;
            }
          }
          return store.put(bytes("blob " + n)).digest();
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Digest> f : results) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(sharedDigest, results.get(0).get());
    assertEquals(1 + threads * 2, store.list().count());
    store.list().forEach(d -> {
      try {
        store.verify(d);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    assertEmptyIngest();
  }

  @Test
  void listIgnoresForeignFiles() throws IOException {
    BlobStore store = BlobStore.open(dir);
    Descriptor d = store.put(bytes("x"));
    Files.writeString(dir.resolve("blobs/sha256/README"), "not a blob");
    Files.createDirectories(dir.resolve("blobs/md5"));
    Files.writeString(dir.resolve("blobs/md5/" + "a".repeat(64)), "bad algorithm");
    assertEquals(List.of(d.digest()), store.list().collect(Collectors.toList()));
  }

  @Test
  void cleanIngestRemovesOnlyOldTemps() throws IOException {
    BlobStore store = BlobStore.open(dir);
    BlobWriter open = store.writer();
    open.write(1);
    open.flush();
    assertEquals(0, store.cleanIngest(java.time.Duration.ofHours(1)));
    assertEquals(1, store.cleanIngest(java.time.Duration.ofSeconds(-1)));
    assertThrows(IOException.class, open::commit);
    assertEmptyIngest();
  }

  private void assertEmptyIngest() throws IOException {
    try (var files = Files.list(dir.resolve("ingest"))) {
      assertEquals(List.of(), files.collect(Collectors.toList()));
    }
  }
}
