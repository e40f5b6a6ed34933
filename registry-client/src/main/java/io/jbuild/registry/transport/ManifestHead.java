package io.jbuild.registry.transport;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.registry.RegistryException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code HEAD /v2/<name>/manifests/<reference>}: what a tag points to now ({@code Content-Type},
 * {@code Docker-Content-Digest}, {@code Content-Length}) without downloading it; empty on 404.
 */
final class ManifestHead implements Endpoint<Optional<Descriptor>> {
  private final String repository;
  private final String reference;

  ManifestHead(String repository, String reference) {
    this.repository = repository;
    this.reference = reference;
  }

  @Override
  public String method() {
    return "HEAD";
  }

  @Override
  public URI uri(URI base) {
    return ApiPaths.manifest(base, repository, reference);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Accept", ManifestGet.ACCEPT);
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(200, 404);
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public String describe() {
    return "checking manifest " + reference;
  }

  @Override
  public Optional<Descriptor> handle(HttpResponse<InputStream> response) throws RegistryException {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    String digest = response.headers().firstValue("Docker-Content-Digest").orElse(null);
    if (digest == null) {
      throw new RegistryException("registry sent no Docker-Content-Digest for manifest " + reference);
    }
    String type = ResponseHeaders.mediaType(response);
    long size = response.headers().firstValueAsLong("Content-Length").orElse(0);
    try {
      return Optional.of(Descriptor.of(type.isEmpty() ? null : type, Digest.parse(digest.trim()), size));
    } catch (IllegalArgumentException e) {
      throw new RegistryException("registry sent an invalid Docker-Content-Digest for manifest " + reference);
    }
  }
}
