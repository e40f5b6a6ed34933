package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * One registry API call. The {@link Caller} asks for method, URI, headers and body anew on every attempt
 * (so a download can ask for {@code Range} after a failure), sends, authenticates, follows redirects,
 * and hands the response to {@link #handle} only when its status is one of {@link #expected}.
 */
interface Endpoint<T> {
  /** HTTP method. */
  String method();

  /** Absolute URI, given the registry's base ({@code https://host[:port]}). */
  URI uri(URI base);

  /** Extra headers for this attempt. */
  default Map<String, String> headers() {
    return Map.of();
  }

  /** The body for this attempt; opened anew each time. */
  default HttpRequest.BodyPublisher body() throws IOException {
    return HttpRequest.BodyPublishers.noBody();
  }

  /** Length of the body {@link #body} sends (0 for none); larger bodies get longer timeouts. */
  default long bodyLength() {
    return 0;
  }

  /** Status codes {@link #handle} accepts; any other is an error. */
  Set<Integer> expected();

  /** True when the call may be repeated safely (GET, HEAD, manifest PUT, upload POST). */
  boolean idempotent();

  /** Lower-case description for error messages ({@code fetching blob sha256:...}). */
  String describe();

  /** Consumes the response; an IOException is treated as a transport failure (retried if idempotent). */
  T handle(HttpResponse<InputStream> response) throws IOException, RegistryException;
}
