package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends {@link Endpoint}s to one registry and owns everything around them: the scheme, the
 * {@code Authorization} header (re-authenticating once on 401), redirects for GET/HEAD (never forwarding
 * {@code Authorization} to another host, as Docker Hub's redirects to blob storage require), retries of
 * idempotent calls with backoff on connection errors, 5xx and 429 (honouring {@code Retry-After}), and
 * turning error responses into {@link RegistryException}s prefixed with the endpoint's description.
 */
final class Caller {
  private static final System.Logger LOG = System.getLogger("io.jbuild.registry");
  private static final int MAX_REDIRECTS = 10;

  private final String registry;
  private final Connections connections;
  private final Authorizer authorizer;

  Caller(String registry, Connections connections, Authorizer authorizer) {
    this.registry = registry;
    this.connections = connections;
    this.authorizer = authorizer;
  }

  String registry() {
    return registry;
  }

  Caller withAuthorizer(Authorizer a) {
    return new Caller(registry, connections, a);
  }

  Authorizer authorizer() {
    return authorizer;
  }

  /** Sends {@code endpoint} with a token valid for {@code scopes}; returns what its handler returns. */
  <T> T call(List<String> scopes, Endpoint<T> endpoint) throws RegistryException {
    int maxAttempts = endpoint.idempotent() ? connections.options().retry().maxAttempts() : 1;
    boolean reauthenticated = false;
    for (int attempt = 1; ; attempt++) {
      RegistryException failure;
      try {
        URI base = connections.base(registry);
        String auth = authorizer.header(scopes).orElse(null);
        HttpResponse<InputStream> response = send(base, endpoint, auth);
        if (response.statusCode() == 401 && !reauthenticated) {
          reauthenticated = true;
          response.body().close();
          if (authorizer.unauthorized(response, scopes, auth)) {
            attempt--;
            continue;
          }
          throw ErrorResponses.from(response);
        }
        if (!endpoint.expected().contains(response.statusCode())) {
          failure = ErrorResponses.from(response);
        } else {
          try {
            return endpoint.handle(response);
          } finally {
            response.body().close();
          }
        }
      } catch (IOException e) {
        failure = new RegistryException(describe(e), null, 0, true, null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(endpoint.describe() + ": interrupted", e);
      } catch (RegistryException e) {
        failure = e;
      }
      if (!failure.retryable() || attempt >= maxAttempts) {
        throw failure.withContext(endpoint.describe());
      }
      String reason = failure.getMessage();
      LOG.log(System.Logger.Level.DEBUG, () -> endpoint.describe() + ": retrying after: " + reason);
      Authorizer.sleep(connections.options().retry().delayAfter(attempt, failure.retryAfter().orElse(null)));
    }
  }

  private <T> HttpResponse<InputStream> send(URI base, Endpoint<T> endpoint, String auth)
      throws IOException, InterruptedException, RegistryException {
    URI uri = endpoint.uri(base);
    String method = endpoint.method();
    boolean mayRedirect = method.equals("GET") || method.equals("HEAD");
    for (int hop = 0; ; hop++) {
      boolean sameHost = Objects.equals(uri.getRawAuthority(), base.getRawAuthority());
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .header("User-Agent", connections.options().userAgent());
      for (Map.Entry<String, String> h : endpoint.headers().entrySet()) {
        b.header(h.getKey(), h.getValue());
      }
      if (sameHost && auth != null) {
        b.header("Authorization", auth);
      }
      if (!mayRedirect || method.equals("HEAD")) {
        b.method(method, hop == 0 ? endpoint.body() : HttpRequest.BodyPublishers.noBody());
      } else {
        b.GET();
      }
      // Until response headers: the base timeout plus time to send the body at >= 64 KiB/s.
      b.timeout(connections.options().timeout().plusSeconds(endpoint.bodyLength() / (64 * 1024)));
      HttpRequest request = b.build();
      LOG.log(System.Logger.Level.DEBUG, () -> method + " " + withoutQuery(request.uri()));
      HttpResponse<InputStream> response = connections.client(hostPort(uri)).send(request,
          HttpResponse.BodyHandlers.ofInputStream());
      int s = response.statusCode();
      boolean redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
      if (!mayRedirect || !redirect) {
        return response;
      }
      String location = response.headers().firstValue("Location").orElse(null);
      response.body().close();
      if (location == null || hop >= MAX_REDIRECTS) {
        throw new IOException("redirect without location or too many redirects (" + s + ")");
      }
      try {
        uri = uri.resolve(location.trim());
      } catch (IllegalArgumentException e) {
        throw new IOException("redirect to an invalid location");
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new IOException("redirect to unsupported scheme " + uri.getScheme());
      }
    }
  }

  static String hostPort(URI uri) {
    return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
  }

  private static String withoutQuery(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }

  /** A short lower-case description of a transport failure, without URLs (which may carry signatures). */
  static String describe(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      Throwable c = e.getCause();
      m = c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
    }
    String lower = m.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("closed") || lower.contains("eof reached") || lower.contains("fixed content-length")) {
      return "connection closed early";
    }
    if (lower.contains("connection reset")) {
      return "connection reset";
    }
    return m.length() > 200 ? m.substring(0, 200) : m;
  }

  /** Pull scope for a repository. */
  static List<String> pull(String repository) {
    return List.of("repository:" + repository + ":pull");
  }

  /** Push scope for a repository (plus pull of a mount source). */
  static List<String> push(String repository, String mountFrom) {
    return mountFrom == null ? List.of("repository:" + repository + ":pull,push")
        : List.of("repository:" + repository + ":pull,push", "repository:" + mountFrom + ":pull");
  }

  static Set<Integer> statuses(Integer... s) {
    return Set.of(s);
  }
}
