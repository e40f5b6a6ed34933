package io.jbuild.registry.transport;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.registry.BlobWriter;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.TransferListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/<name>/blobs/<digest>} streamed into a {@link BlobWriter} while hashing. Keeps its state
 * across the caller's attempts: after a broken transfer the next attempt asks for
 * {@code Range: bytes=<written>-} and appends when the server answers 206 with that offset, or resets
 * and starts over on 200. The blob is committed only when size and digest match; a mismatch resets the
 * writer and fails the attempt (so a corrupt transfer is retried, never stored).
 */
final class BlobGet implements Endpoint<Void> {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final String repository;
  private final Descriptor blob;
  private final BlobWriter writer;
  private final TransferListener listener;
  private final Duration readTimeout;
  private MessageDigest md;

  BlobGet(String repository, Descriptor blob, BlobWriter writer, TransferListener listener, Duration readTimeout)
      throws IOException {
    this.repository = repository;
    this.blob = blob;
    this.writer = writer;
    this.listener = listener;
    this.readTimeout = readTimeout;
    this.md = Digest.newMessageDigest(blob.digest().algorithm());
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public URI uri(URI base) {
    return ApiPaths.blob(base, repository, blob.digest());
  }

  @Override
  public Map<String, String> headers() {
    long have = writer.size();
    return have > 0 && have < blob.size() ? Map.of("Range", "bytes=" + have + "-") : Map.of();
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(200, 206, 416);
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public String describe() {
    return "fetching blob " + blob.digest();
  }

  private void restart() throws IOException {
    writer.reset();
    md = Digest.newMessageDigest(blob.digest().algorithm());
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) throws IOException, RegistryException {
    int status = response.statusCode();
    if (status == 416) {
      restart();
      throw new IOException("range not satisfiable");
    }
    if (status == 206) {
      String range = response.headers().firstValue("Content-Range").orElse("");
      Matcher m = CONTENT_RANGE.matcher(range.trim());
      if (!m.matches() || Long.parseLong(m.group(1)) != writer.size()) {
        restart();
        throw new IOException("unexpected partial content " + range);
      }
    } else if (writer.size() > 0) {
      restart();
    }
    byte[] buffer = new byte[64 * 1024];
    InputStream in = response.body();
    try (StallGuard guard = StallGuard.watch(in, readTimeout)) {
      int n;
      while (true) {
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          if (guard.stalled()) {
            throw new IOException("no data for " + readTimeout.toSeconds() + "s", e);
          }
          throw e;
        }
        if (n < 0) {
          break;
        }
        guard.progress();
        if (writer.size() + n > blob.size()) {
          restart();
          throw new RegistryException("blob " + blob.digest() + " is larger than its descriptor's "
              + blob.size() + " bytes");
        }
        writer.write(buffer, 0, n);
        md.update(buffer, 0, n);
        listener.transferred(blob, n);
      }
      if (guard.stalled()) {
        throw new IOException("no data for " + readTimeout.toSeconds() + "s");
      }
    }
    if (writer.size() != blob.size()) {
      throw new IOException("transfer ended after " + writer.size() + " of " + blob.size() + " bytes");
    }
    String actual = HexFormat.of().formatHex(md.digest());
    if (!actual.equals(blob.digest().hex())) {
      restart();
      throw new IOException("digest mismatch: content has " + blob.digest().algorithm() + ":" + actual);
    }
    writer.commit(blob.digest());
    return null;
  }
}
