package io.jbuild.registry.transport;

import io.jbuild.oci.Digest;
import java.net.URI;

/**
 * The URL layout of the distribution API
 * (<a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">endpoints</a>),
 * resolved against a registry's base ({@code https://host[:port]}).
 */
final class ApiPaths {
  private ApiPaths() {}

  /** {@code /v2/}: the API version check. */
  static URI version(URI base) {
    return base.resolve("/v2/");
  }

  /** {@code /v2/<name>/manifests/<reference>}, a tag or a digest. */
  static URI manifest(URI base, String repository, String reference) {
    return base.resolve("/v2/" + repository + "/manifests/" + reference);
  }

  /** {@code /v2/<name>/blobs/<digest>}. */
  static URI blob(URI base, String repository, Digest digest) {
    return base.resolve("/v2/" + repository + "/blobs/" + digest);
  }

  /** {@code /v2/<name>/blobs/uploads/} followed by {@code query} ({@code ""} or {@code ?...}). */
  static URI uploads(URI base, String repository, String query) {
    return base.resolve("/v2/" + repository + "/blobs/uploads/" + query);
  }
}
