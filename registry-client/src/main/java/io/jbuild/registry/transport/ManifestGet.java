package io.jbuild.registry.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v2/<name>/manifests/<reference>} with an Accept header for OCI and Docker schema2
 * manifests and indexes. The body (at most 4 MiB, the spec's recommended limit) is verified against the
 * digest of a digest reference, or else against {@code Docker-Content-Digest} when the server sends it;
 * a mismatch is a transport failure and retried.
 */
final class ManifestGet implements Endpoint<FetchedManifest> {
  static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
      MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
  private static final int MAX_SIZE = 4 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String repository;
  private final String reference;
  private final Digest expected;

  ManifestGet(String repository, String reference, Digest expected) {
    this.repository = repository;
    this.reference = reference;
    this.expected = expected;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public URI uri(URI base) {
    return ApiPaths.manifest(base, repository, reference);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Accept", ACCEPT);
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
    return "fetching manifest " + reference;
  }

  @Override
  public FetchedManifest handle(HttpResponse<InputStream> response) throws IOException, RegistryException {
    byte[] bytes = response.body().readNBytes(MAX_SIZE + 1);
    if (bytes.length > MAX_SIZE) {
      throw new RegistryException("manifest larger than " + MAX_SIZE + " bytes");
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(bytes.length);
    if (declared != bytes.length) {
      throw new IOException("manifest truncated: " + bytes.length + " of " + declared + " bytes");
    }
    Digest actual = Digest.sha256(bytes);
    Digest want = expected;
    if (want == null) {
      want = response.headers().firstValue("Docker-Content-Digest").map(ManifestGet::parseOrNull).orElse(null);
    }
    if (want != null && want.algorithm().equals("sha256") && !want.equals(actual)) {
      throw new IOException("manifest digest mismatch: expected " + want + ", got " + actual);
    }
    if (want != null && !want.algorithm().equals("sha256")) {
      throw new RegistryException("unsupported manifest digest algorithm: " + want.algorithm());
    }
    return new FetchedManifest(mediaType(response, bytes), actual, bytes);
  }

  private static Digest parseOrNull(String s) {
    try {
      return Digest.parse(s.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The media type from the body's {@code mediaType} field, else the {@code Content-Type}. */
  static String mediaType(HttpResponse<?> response, byte[] bytes) throws RegistryException {
    String fromBody = null;
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new RegistryException("manifest is not valid JSON");
    }
    if (node != null && node.path("mediaType").isTextual()) {
      fromBody = node.get("mediaType").asText();
    }
    String header = ResponseHeaders.mediaType(response);
    String type = fromBody != null ? fromBody : header;
    if (!MediaTypes.isManifest(type) && !MediaTypes.isIndex(type)) {
      if (node != null && node.path("schemaVersion").asInt() == 1) {
        throw new RegistryException("docker schema 1 manifests are not supported");
      }
      if (node != null && node.has("manifests")) {
        return MediaTypes.OCI_INDEX;
      }
      if (node != null && node.has("config") && node.has("layers")) {
        return MediaTypes.OCI_MANIFEST;
      }
      throw new RegistryException("unsupported manifest media type: " + (type.isEmpty() ? "none" : type));
    }
    return type;
  }
}
