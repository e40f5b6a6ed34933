package io.jbuild.registry.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.auth.Challenge;
import io.jbuild.registry.auth.CredentialStore;
import io.jbuild.registry.auth.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces the {@code Authorization} header for one registry. Learns the scheme from the first
 * {@code 401}'s {@code WWW-Authenticate}: {@code Basic} sends the stored credentials; {@code Bearer}
 * runs the token flow of the distribution "token" spec against the challenge's realm (anonymous GET,
 * GET with Basic credentials, or OAuth2 POST {@code grant_type=refresh_token} with an identity token)
 * and caches each token per set of scopes until shortly before it expires. Tokens and passwords never
 * leave this class except in the header.
 */
final class Authorizer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String registry;
  private final String credentialKey;
  private final CredentialStore store;
  private final Connections connections;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private volatile Challenge challenge;
  private volatile Optional<Credentials> credentials;

  private record Token(String value, Instant expires) {
    @Override
    public String toString() {
      return "Token[<redacted>]";
    }
  }

  /**
   * @param registry host[:port] requests go to
   * @param credentialKey the name credentials are stored under ({@code docker.io} for Docker Hub)
   */
  Authorizer(String registry, String credentialKey, CredentialStore store, Connections connections) {
    this.registry = registry;
    this.credentialKey = credentialKey;
    this.store = store;
    this.connections = connections;
  }

  /** Uses these credentials instead of the store's (for {@code login}). */
  Authorizer withCredentials(Credentials c) {
    Authorizer a = new Authorizer(registry, credentialKey, store, connections);
    a.credentials = Optional.of(c);
    return a;
  }

  /** The header for a request needing {@code scopes}, or empty when no challenge is known yet. */
  Optional<String> header(List<String> scopes) throws RegistryException {
    Challenge c = challenge;
    if (c == null) {
      return Optional.empty();
    }
    if (c.scheme().equals("basic")) {
      return credentials().map(Credentials::basicHeader);
    }
    String key = String.join(" ", new TreeSet<>(scopes));
    Token t = tokens.get(key);
    if (t == null || Instant.now().isAfter(t.expires)) {
      synchronized (locks.computeIfAbsent(key, k -> new Object())) {
        t = tokens.get(key);
        if (t == null || Instant.now().isAfter(t.expires)) {
          t = fetchToken(c, scopes);
          tokens.put(key, t);
        }
      }
    }
    return Optional.of("Bearer " + t.value);
  }

  /**
   * Called on a 401 to a request sent with {@code sent} (the Authorization value, or null): remembers
   * the challenge and drops the cached token if it was the one rejected. Returns false when another
   * attempt cannot help (no usable challenge, or Basic without credentials).
   */
  boolean unauthorized(HttpResponse<?> response, List<String> scopes, String sent) throws RegistryException {
    Challenge usable = null;
    for (String h : response.headers().allValues("WWW-Authenticate")) {
      for (Challenge c : Challenge.parseAll(h)) {
        if (usable == null && (c.scheme().equals("bearer") && c.param("realm") != null
            || c.scheme().equals("basic"))) {
          usable = c;
        }
      }
    }
    if (usable == null) {
      return false;
    }
    String key = String.join(" ", new TreeSet<>(scopes));
    Token cached = tokens.get(key);
    if (cached != null && sent != null && sent.equals("Bearer " + cached.value)) {
      tokens.remove(key, cached);
    }
    challenge = usable;
    return !usable.scheme().equals("basic") || credentials().isPresent();
  }

  private Optional<Credentials> credentials() throws RegistryException {
    Optional<Credentials> c = credentials;
    if (c == null) {
      try {
        c = store.find(credentialKey);
      } catch (IOException e) {
        throw new RegistryException("reading credentials for " + credentialKey + ": " + e.getMessage(), e);
      }
      credentials = c;
    }
    return c;
  }

  private Token fetchToken(Challenge c, List<String> scopes) throws RegistryException {
    String realm = c.param("realm");
    String service = c.param("service");
    Optional<Credentials> creds = credentials();
    URI realmUri;
    try {
      realmUri = URI.create(realm);
      if (realmUri.getHost() == null || !(realmUri.getScheme().equals("https")
          || realmUri.getScheme().equals("http"))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new RegistryException("authenticating to " + registry + ": invalid token realm " + realm);
    }
    HttpRequest.Builder b;
    if (creds.isPresent() && creds.get().hasIdentityToken()) {
      StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=jbuild&refresh_token=")
          .append(enc(creds.get().identityToken()));
      if (service != null) {
        form.append("&service=").append(enc(service));
      }
      if (!scopes.isEmpty()) {
        form.append("&scope=").append(enc(String.join(" ", scopes)));
      }
      b = HttpRequest.newBuilder(realmUri)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    } else {
      List<String> query = new ArrayList<>();
      if (service != null) {
        query.add("service=" + enc(service));
      }
      for (String s : scopes) {
        query.add("scope=" + enc(s));
      }
      String sep = realm.contains("?") ? "&" : "?";
      b = HttpRequest.newBuilder(URI.create(realm + (query.isEmpty() ? "" : sep + String.join("&", query)))).GET();
      creds.ifPresent(cr -> b.header("Authorization", cr.basicHeader()));
    }
    b.header("User-Agent", connections.options().userAgent()).timeout(connections.options().timeout());
    HttpRequest request = b.build();
    String what = "authenticating to " + registry + " (token from " + realmUri.getHost() + ")";
    int attempts = connections.options().retry().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        String host = realmUri.getPort() > 0 ? realmUri.getHost() + ":" + realmUri.getPort() : realmUri.getHost();
        HttpResponse<InputStream> r = connections.client(host).send(request,
            HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 200) {
          try (InputStream in = r.body()) {
            JsonNode node = JSON.readTree(in.readNBytes(1 << 20));
            String token = node.path("token").asText(node.path("access_token").asText(""));
            if (token.isEmpty()) {
              throw new RegistryException(what + ": token response without token");
            }
            long expiresIn = node.path("expires_in").asLong(60);
            if (expiresIn < 60) {
              expiresIn = 60;
            }
            Instant issued = Instant.now();
            return new Token(token, issued.plus(Duration.ofSeconds(expiresIn * 9 / 10)));
          }
        }
        RegistryException e = ErrorResponses.from(r);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
          e = new RegistryException(e.code().isPresent() ? e.getMessage()
              : "UNAUTHORIZED: " + (creds.isPresent() ? "invalid credentials" : "authentication required"),
              e.code().orElse("UNAUTHORIZED"), r.statusCode(), false, null, null);
        }
        if (!e.retryable() || attempt >= attempts) {
          throw e.withContext(what);
        }
        sleep(connections.options().retry().delayAfter(attempt, e.retryAfter().orElse(null)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(what + ": interrupted", e);
      } catch (IOException e) {
        if (attempt >= attempts) {
          throw new RegistryException(what + ": " + Caller.describe(e), null, 0, true, null, e);
        }
        sleep(connections.options().retry().delayAfter(attempt, null));
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void sleep(Duration d) throws RegistryException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted", e);
    }
  }
}
