package io.jbuild.registry.transport;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.registry.BlobSource;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PushRequest;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.RetryPolicy;
import io.jbuild.registry.TransferListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Push: each blob is checked with HEAD and skipped when present, mounted from another repository when
 * the caller names one (201), else uploaded — in one PUT up to the chunk size, in PATCH chunks above
 * it. A failed upload session is never continued blindly: it is restarted from a new POST, with
 * backoff, up to the retry policy's attempts. The manifest goes last.
 */
final class Pusher {
  private final Caller caller;
  private final RetryPolicy retry;
  private final int parallelism;
  private final long chunkSize;

  Pusher(Caller caller, RetryPolicy retry, int parallelism, long chunkSize) {
    this.caller = caller;
    this.retry = retry;
    this.parallelism = parallelism;
    this.chunkSize = chunkSize;
  }

  Digest push(ImageReference target, PushRequest image, TransferListener listener) throws RegistryException {
    Map<Digest, BlobSource> unique = new LinkedHashMap<>();
    for (BlobSource b : image.blobs()) {
      unique.putIfAbsent(b.descriptor().digest(), b);
    }
    List<Transfers.Task> tasks = new ArrayList<>();
    for (BlobSource b : unique.values()) {
      String from = image.mountFrom().get(b.descriptor().digest());
      tasks.add(() -> pushBlob(target, b, from, listener));
    }
    Transfers.runAll(tasks, parallelism);
    Digest digest = pushManifest(target, image.manifestMediaType(), image.manifestBytes());
    for (String tag : image.extraTags()) {
      pushManifest(target.withTag(tag), image.manifestMediaType(), image.manifestBytes());
    }
    return digest;
  }

  Digest pushManifest(ImageReference ref, String mediaType, byte[] bytes) throws RegistryException {
    Digest digest = Digest.sha256(bytes);
    if (ref.digest() != null && !ref.digest().equals(digest)) {
      throw new RegistryException("manifest has digest " + digest + ", not " + ref.digest());
    }
    String reference = ref.tag() != null ? ref.tag() : digest.toString();
    caller.call(Caller.push(ref.repository(), null), new ManifestPut(ref.repository(), reference, mediaType,
        bytes));
    return digest;
  }

  void pushBlob(ImageReference repo, BlobSource blob, String mountFrom, TransferListener listener)
      throws RegistryException {
    Descriptor d = blob.descriptor();
    String repository = repo.repository();
    String from = mountFrom == null || mountFrom.equals(repository) ? null : mountFrom;
    List<String> scopes = Caller.push(repository, from);
    try {
      if (caller.call(scopes, new BlobHead(repository, d.digest()))) {
        listener.skipped(d, TransferListener.Skip.EXISTS);
        return;
      }
      for (int attempt = 1; ; attempt++) {
        try {
          UploadStart.Session session = caller.call(scopes, new UploadStart(repository,
              from == null ? null : d.digest(), from));
          if (session.mounted()) {
            listener.skipped(d, TransferListener.Skip.MOUNTED);
            return;
          }
          listener.started(d);
          upload(scopes, session.location(), blob, listener);
          listener.completed(d);
          return;
        } catch (RegistryException e) {
          if (!e.retryable() || attempt >= retry.maxAttempts()) {
            throw e;
          }
          Authorizer.sleep(retry.delayAfter(attempt, e.retryAfter().orElse(null)));
          if (caller.call(scopes, new BlobHead(repository, d.digest()))) {
            listener.completed(d); // the failed session had committed it after all
            return;
          }
        }
      }
    } catch (RegistryException e) {
      throw e.withContext("pushing blob " + d.digest());
    }
  }

  private void upload(List<String> scopes, URI location, BlobSource blob, TransferListener listener)
      throws RegistryException {
    Descriptor d = blob.descriptor();
    if (d.size() <= chunkSize) {
      Supplier<InputStream> whole = () -> {
        try {
          return new Counting(blob.open(), d, listener, d.size(), true);
        } catch (IOException e) {
          throw new UncheckedIOException("opening blob " + d.digest() + ": " + e.getMessage(), e);
        }
      };
      caller.call(scopes, new UploadFinish(location, d.digest(), d.size(), whole));
      return;
    }
    try (InputStream in = blob.open()) {
      URI next = location;
      long offset = 0;
      while (offset < d.size()) {
        long length = Math.min(chunkSize, d.size() - offset);
        InputStream slice = new Counting(in, d, listener, length, false);
        next = caller.call(scopes, new UploadChunk(next, offset, length, () -> slice));
        offset += length;
      }
      caller.call(scopes, new UploadFinish(next, d.digest(), 0, null));
    } catch (IOException e) {
      throw new RegistryException("reading blob " + d.digest() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reports bytes read to the listener and stops after {@code limit} bytes; closing it does not close
   * the underlying stream when it is a slice of a larger one.
   */
  private static final class Counting extends FilterInputStream {
    private final Descriptor blob;
    private final TransferListener listener;
    private final boolean owns;
    private long remaining;

    Counting(InputStream in, Descriptor blob, TransferListener listener, long limit, boolean owns) {
      super(in);
      this.owns = owns;
      this.blob = blob;
      this.listener = listener;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
        listener.transferred(blob, n);
      }
      return n;
    }

    @Override
    public long skip(long n) {
      return 0;
    }

    @Override
    public void close() throws IOException {
      if (owns) {
        super.close();
      }
    }
  }
}
