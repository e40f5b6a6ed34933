package io.jbuild.registry.transport;

import io.jbuild.oci.Digest;
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
 * {@code PUT <location>?digest=<digest>}, with the whole blob (monolithic upload) or empty after PATCH
 * chunks; 201 when the registry accepted the content as that digest. Not idempotent.
 */
final class UploadFinish implements Endpoint<Void> {
  private final URI location;
  private final Digest digest;
  private final long length;
  private final Supplier<InputStream> content;

  /** @param content the whole blob, or {@code null} after chunks */
  UploadFinish(URI location, Digest digest, long length, Supplier<InputStream> content) {
    this.location = location;
    this.digest = digest;
    this.length = length;
    this.content = content;
  }

  @Override
  public String method() {
    return "PUT";
  }

  @Override
  public URI uri(URI base) {
    return Locations.withParam(location, "digest", digest.toString());
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Content-Type", "application/octet-stream");
  }

  @Override
  public HttpRequest.BodyPublisher body() {
    if (content == null || length == 0) {
      return HttpRequest.BodyPublishers.noBody();
    }
    return RequestBodies.ofStream(content, length);
  }

  @Override
  public long bodyLength() {
    return content == null ? 0 : length;
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(201, 204);
  }

  @Override
  public boolean idempotent() {
    return false;
  }

  @Override
  public String describe() {
    return "committing blob " + digest;
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) throws IOException, RegistryException {
    return null;
  }
}
