package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code PATCH <location>} with one chunk ({@code Content-Range: <start>-<end>}, inclusive, as the
 * distribution spec writes it); 202 gives the next {@code Location}. Not idempotent: a failure restarts
 * the whole upload session.
 */
final class UploadChunk implements Endpoint<URI> {
  private final URI location;
  private final long start;
  private final long length;
  private final Supplier<InputStream> content;

  UploadChunk(URI location, long start, long length, Supplier<InputStream> content) {
    this.location = location;
    this.start = start;
    this.length = length;
    this.content = content;
  }

  @Override
  public String method() {
    return "PATCH";
  }

  @Override
  public URI uri(URI base) {
    return location;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Content-Type", "application/octet-stream",
        "Content-Range", start + "-" + (start + length - 1));
  }

  @Override
  public HttpRequest.BodyPublisher body() {
    return RequestBodies.ofStream(content, length);
  }

  @Override
  public long bodyLength() {
    return length;
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(202);
  }

  @Override
  public boolean idempotent() {
    return false;
  }

  @Override
  public String describe() {
    return "uploading bytes " + start + "-" + (start + length - 1);
  }

  @Override
  public URI handle(HttpResponse<InputStream> response) throws IOException, RegistryException {
    return Locations.next(response);
  }
}
