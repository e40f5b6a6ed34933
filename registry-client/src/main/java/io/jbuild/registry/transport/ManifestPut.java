package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/** {@code PUT /v2/<name>/manifests/<reference>} with the manifest's media type; expects 201. */
final class ManifestPut implements Endpoint<Void> {
  private final String repository;
  private final String reference;
  private final String mediaType;
  private final byte[] bytes;

  ManifestPut(String repository, String reference, String mediaType, byte[] bytes) {
    this.repository = repository;
    this.reference = reference;
    this.mediaType = mediaType;
    this.bytes = bytes;
  }

  @Override
  public String method() {
    return "PUT";
  }

  @Override
  public URI uri(URI base) {
    return ApiPaths.manifest(base, repository, reference);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Content-Type", mediaType);
  }

  @Override
  public HttpRequest.BodyPublisher body() {
    return HttpRequest.BodyPublishers.ofByteArray(bytes);
  }

  @Override
  public long bodyLength() {
    return bytes.length;
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(200, 201);
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public String describe() {
    return "storing manifest " + reference;
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) throws IOException, RegistryException {
    return null;
  }
}
