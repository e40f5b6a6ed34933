package io.jbuild.registry.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an unexpected response into a {@link RegistryException}: the distribution-spec error body
 * {@code {"errors":[{"code":..,"message":..}]}} gives code and message ({@code DENIED: requested access
 * to the resource is denied}); otherwise the status is named. 5xx and 429 are retryable, with the
 * delay of {@code Retry-After} (seconds or HTTP date) when given.
 */
final class ErrorResponses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private ErrorResponses() {}

  static RegistryException from(HttpResponse<InputStream> response) {
    int status = response.statusCode();
    String body = "";
    try (InputStream in = response.body()) {
      if (in != null) {
        body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // the status alone must do
    }
    String code = null;
    String message = null;
    try {
      JsonNode errors = body.isBlank() ? null : JSON.readTree(body).path("errors");
      if (errors != null && errors.isArray() && errors.size() > 0) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
          String c = e.path("code").asText("");
          String m = e.path("message").asText("");
          if (code == null && !c.isEmpty()) {
            code = c;
          }
          parts.add(c.isEmpty() ? m : m.isEmpty() ? c : c + ": " + m);
        }
        message = String.join("; ", parts);
      }
    } catch (IOException e) {
      // not JSON
    }
    if (message == null) {
      code = defaultCode(status);
      message = code != null ? code + ": " + reason(status) : "unexpected http status " + status
          + " " + reason(status);
    }
    boolean retryable = status >= 500 || status == 429;
    Duration after = retryAfter(response.headers().firstValue("Retry-After"));
    return new RegistryException(message, code, status, retryable, after, null);
  }

  private static String defaultCode(int status) {
    return switch (status) {
      case 401 -> "UNAUTHORIZED";
      case 403 -> "DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "TOOMANYREQUESTS";
      default -> null;
    };
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "authentication required";
      case 403 -> "access denied";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 416 -> "range not satisfiable";
      case 429 -> "too many requests";
      case 500 -> "internal server error";
      case 502 -> "bad gateway";
      case 503 -> "service unavailable";
      case 504 -> "gateway timeout";
      default -> "";
    };
  }

  /** Parses {@code Retry-After}: delta seconds or an HTTP date. */
  static Duration retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return null;
    }
    String v = header.get().trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException ignored) {
        return null;
      }
    }
  }
}
