package io.jbuild.oci.store;

import java.nio.file.Path;
import java.util.Random;

/** Child process of {@link BlobStoreProcessesIT}: writes the shared blob and some own ones. */
public final class ConcurrentWriterMain {
  private ConcurrentWriterMain() {}

  public static void main(String[] args) throws Exception {
    BlobStore store = BlobStore.open(Path.of(args[0]));
    int id = Integer.parseInt(args[1]);
    byte[] shared = BlobStoreProcessesIT.sharedContent();
    for (int round = 0; round < 20; round++) {
      try (BlobWriter w = store.writer()) {
        for (int off = 0; off < shared.length; off += 8192) {
          w.write(shared, off, Math.min(8192, shared.length - off));
        }
        w.commit();
      }
      byte[] own = new byte[4096];
      new Random(id * 1000L + round).nextBytes(own);
      store.put(own);
      store.readAll(BlobStoreProcessesIT.sharedDigest());
    }
  }
}
