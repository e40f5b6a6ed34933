package io.jbuild.registry.transport;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.function.Supplier;

/** Request bodies streamed from content opened anew for each attempt. */
final class RequestBodies {
  private RequestBodies() {}

  /**
   * A body of exactly {@code length} bytes read from a stream {@code content} opens, so the
   * request carries {@code Content-Length} instead of chunked encoding.
   */
  static HttpRequest.BodyPublisher ofStream(Supplier<InputStream> content, long length) {
    return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), length);
  }
}
