package io.jbuild.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal token server for the distribution registry's {@code auth.token} mode (distribution
 * "token" spec): issues ES256 JWTs whose {@code x5c} header carries a certificate from a {@link TestPki},
 * granting what was asked for to known users (Basic credentials on GET, or {@code grant_type=
 * refresh_token} on POST) and only {@code pull} to anonymous clients when enabled. Counts requests.
 */
public final class TokenServer implements AutoCloseable {
  public static final String SERVICE = "jbuild-test-registry";
  public static final String ISSUER = "jbuild-test-issuer";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final TestPki pki;
  private final TestPki.Issued signer;
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean anonymousPull;

  private TokenServer(TestPki pki) throws IOException {
    this.pki = pki;
    this.signer = pki.signer("jbuild-token-signer");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/token", this::handle);
    server.start();
  }

  public static TokenServer start(TestPki pki) throws IOException {
    return new TokenServer(pki);
  }

  /** Allows {@code name} with {@code password}. */
  public TokenServer user(String name, String password) {
    users.put(name, password);
    return this;
  }

  /** Accepts {@code token} as an OAuth2 refresh token of {@code name}. */
  public TokenServer refreshToken(String token, String name) {
    refreshTokens.put(token, name);
    return this;
  }

  /** Lets anonymous clients pull. */
  public TokenServer anonymousPull(boolean allowed) {
    this.anonymousPull = allowed;
    return this;
  }

  public String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** Token requests served so far. */
  public int requests() {
    return requests.get();
  }

  /** Writes the CA that signed the token certificate (the registry's {@code rootcertbundle}). */
  Path writeRootBundle(Path file) throws IOException {
    pki.writeCa(file);
    return file;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      Map<String, List<String>> params = parse(ex.getRequestURI().getRawQuery());
      String user = null;
      if (ex.getRequestMethod().equals("POST")) {
        Map<String, List<String>> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        params.putAll(form);
        String grant = first(form, "grant_type");
        if ("refresh_token".equals(grant)) {
          user = refreshTokens.get(first(form, "refresh_token"));
        } else if ("password".equals(grant)) {
          String u = first(form, "username");
          user = u != null && first(form, "password") != null && first(form, "password").equals(users.get(u)) ? u : null;
        }
        if (user == null) {
          reply(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid grant\"}]}");
          return;
        }
      } else {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Basic ")) {
          String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          String name = decoded.substring(0, colon);
          if (!decoded.substring(colon + 1).equals(users.get(name))) {
            reply(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid username or password\"}]}");
            return;
          }
          user = name;
        }
      }
      ArrayNode access = JSON.createArrayNode();
      List<String> scopes = new ArrayList<>();
      for (String s : params.getOrDefault("scope", List.of())) {
        scopes.addAll(List.of(s.split(" ")));
      }
      for (String scope : scopes) {
        String[] parts = scope.split(":");
        if (parts.length < 3) {
          continue;
        }
        ObjectNode a = access.addObject();
        a.put("type", parts[0]);
        a.put("name", String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1)));
        ArrayNode actions = a.putArray("actions");
        for (String action : parts[parts.length - 1].split(",")) {
          if (user != null || anonymousPull && action.equals("pull")) {
            actions.add(action);
          }
        }
      }
      String token = jwt(user == null ? "" : user, access);
      ObjectNode body = JSON.createObjectNode();
      body.put("token", token);
      body.put("access_token", token);
      body.put("expires_in", 300);
      body.put("issued_at", Instant.now().toString());
      reply(ex, 200, JSON.writeValueAsString(body));
    } catch (RuntimeException | GeneralSecurityException e) {
      reply(ex, 500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"" + e.getClass().getSimpleName() + "\"}]}");
    }
  }

  private String jwt(String subject, ArrayNode access) throws IOException, GeneralSecurityException {
    ObjectNode header = JSON.createObjectNode();
    header.put("typ", "JWT");
    header.put("alg", "ES256");
    header.putArray("x5c").add(Base64.getEncoder().encodeToString(signer.certificate().getEncoded()));
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("aud", SERVICE);
    claims.put("exp", now + 300);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    claims.set("access", access);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
        + b64.encodeToString(JSON.writeValueAsBytes(claims));
    Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
    sig.initSign(signer.keys().getPrivate());
    sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(sig.sign());
  }

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String first(Map<String, List<String>> m, String k) {
    List<String> v = m.get(k);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
