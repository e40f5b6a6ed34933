package io.jbuild.registry.transport;

import java.net.http.HttpResponse;

/** Values read from registry response headers. */
final class ResponseHeaders {
  private ResponseHeaders() {}

  /**
   * The media type of {@code Content-Type} without its parameters ({@code ; charset=...}) and
   * surrounding blanks; {@code ""} when the header is missing.
   */
  static String mediaType(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    int semi = type.indexOf(';');
    return (semi >= 0 ? type.substring(0, semi) : type).trim();
  }
}
