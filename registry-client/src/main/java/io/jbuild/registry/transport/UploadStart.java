package io.jbuild.registry.transport;

import io.jbuild.oci.Digest;
import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * {@code POST /v2/<name>/blobs/uploads/}, optionally with {@code ?mount=<digest>&from=<repo>} to mount a
 * blob from another repository. 201 means mounted (done); 202 opens an upload session at
 * {@code Location}. Repeating the POST merely opens another session, so it counts as idempotent.
 */
final class UploadStart implements Endpoint<UploadStart.Session> {
  /** Either mounted, or an upload session URL (absolute, query kept). */
  record Session(boolean mounted, URI location) {}

  private final String repository;
  private final Digest mount;
  private final String from;

  UploadStart(String repository, Digest mount, String from) {
    this.repository = repository;
    this.mount = mount;
    this.from = from;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public URI uri(URI base) {
    String query = mount != null && from != null ? "?mount=" + mount + "&from=" + from : "";
    return ApiPaths.uploads(base, repository, query);
  }

  @Override
  public Set<Integer> expected() {
    return Set.of(201, 202);
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public String describe() {
    return mount != null ? "mounting blob " + mount + " from " + from : "starting upload";
  }

  @Override
  public Session handle(HttpResponse<InputStream> response) throws IOException, RegistryException {
    if (response.statusCode() == 201) {
      return new Session(true, null);
    }
    return new Session(false, Locations.next(response));
  }
}
