package io.jbuild.registry.transport;

import io.jbuild.oci.Digest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;

/** {@code HEAD /v2/<name>/blobs/<digest>}: true on 200, false on 404. */
final class BlobHead implements Endpoint<Boolean> {
  private final String repository;
  private final Digest digest;

  BlobHead(String repository, Digest digest) {
    this.repository = repository;
    this.digest = digest;
  }

  @Override
  public String method() {
    return "HEAD";
  }

  @Override
  public URI uri(URI base) {
    return ApiPaths.blob(base, repository, digest);
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
    return "checking blob " + digest;
  }

  @Override
  public Boolean handle(HttpResponse<InputStream> response) {
    return response.statusCode() == 200;
  }
}
