package io.jbuild.registry.transport;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;

/** {@code GET /v2/}: the API version check, used to verify credentials on login. */
final class Ping implements Endpoint<Void> {
  @Override
  public String method() {
    return "GET";
  }

  @Override
  public URI uri(URI base) {
    return ApiPaths.version(base);
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(200);
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public String describe() {
    return "checking registry api";
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) {
    return null;
  }
}
