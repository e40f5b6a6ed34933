package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryException;
import java.net.URI;
import java.net.http.HttpResponse;

/** Upload session URLs: {@code Location} resolved against the request, query parameters kept. */
final class Locations {
  private Locations() {}

  /** The absolute {@code Location} of an upload response. */
  static URI next(HttpResponse<?> response) throws RegistryException {
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null || location.isBlank()) {
      throw new RegistryException("upload response without location (status " + response.statusCode() + ")");
    }
    URI uri;
    try {
      uri = response.request().uri().resolve(location.trim());
    } catch (IllegalArgumentException e) {
      throw new RegistryException("upload response with invalid location");
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new RegistryException("upload response with unsupported location scheme " + uri.getScheme());
    }
    return uri;
  }

  /** {@code uri} with {@code name=value} appended to its query. */
  static URI withParam(URI uri, String name, String value) {
    String s = uri.toString();
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    return URI.create(s + (uri.getRawQuery() == null ? "?" : "&") + name + "=" + value);
  }
}
