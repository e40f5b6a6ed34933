package io.jbuild.cli.training;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry held in memory, on loopback, for the start-up training run only ({@link TrainCdsCommand}):
 * just enough of the distribution API (ping, blob HEAD/GET, POST/PATCH/PUT uploads, manifest
 * HEAD/GET/PUT) for pushes, pulls and cache imports to load the classes they use, so that the
 * launcher's class-data archive holds them. It checks nothing a real registry checks; it serves
 * nothing but the training process.
 */
final class TrainingRegistry implements AutoCloseable {
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");
  private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/?");
  private static final Pattern SESSION = Pattern.compile("/v2/(.+)/blobs/uploads/([0-9a-f-]+)");
  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");

  private record Manifest(String mediaType, byte[] bytes, String digest) {}

  private final HttpServer server;
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();

  TrainingRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code 127.0.0.1:PORT}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      x.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
      String path = x.getRequestURI().getPath();
      String method = x.getRequestMethod();
      byte[] body = x.getRequestBody().readAllBytes();
      Matcher m;
      if (path.equals("/v2/") || path.equals("/v2")) {
        send(x, 200, new byte[0], method);
      } else if ((m = BLOB.matcher(path)).matches()) {
        byte[] b = blobs.get(m.group(2));
        if (b == null) {
          send(x, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}".getBytes(), method);
        } else {
          x.getResponseHeaders().add("Docker-Content-Digest", m.group(2));
          x.getResponseHeaders().add("Content-Type", "application/octet-stream");
          send(x, 200, b, method);
        }
      } else if (method.equals("POST") && (m = UPLOADS.matcher(path)).matches()) {
        String mount = query(x.getRequestURI(), "mount");
        if (mount != null && blobs.containsKey(mount)) {
          x.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/" + mount);
          send(x, 201, new byte[0], method);
          return;
        }
        String id = UUID.randomUUID().toString();
        uploads.put(id, new ByteArrayOutputStream());
        x.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/uploads/" + id);
        x.getResponseHeaders().add("Range", "0-0");
        send(x, 202, new byte[0], method);
      } else if ((m = SESSION.matcher(path)).matches() && uploads.containsKey(m.group(2))) {
        ByteArrayOutputStream up = uploads.get(m.group(2));
        up.write(body);
        if (method.equals("PATCH")) {
          x.getResponseHeaders().add("Location", path);
          x.getResponseHeaders().add("Range", "0-" + Math.max(0, up.size() - 1));
          send(x, 202, new byte[0], method);
          return;
        }
        String digest = query(x.getRequestURI(), "digest");
        byte[] all = up.toByteArray();
        uploads.remove(m.group(2));
        if (digest == null || !digest.equals(sha256(all))) {
          send(x, 400, "{\"errors\":[{\"code\":\"DIGEST_INVALID\",\"message\":\"digest invalid\"}]}".getBytes(), method);
          return;
        }
        blobs.put(digest, all);
        x.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/" + digest);
        x.getResponseHeaders().add("Docker-Content-Digest", digest);
        send(x, 201, new byte[0], method);
      } else if ((m = MANIFEST.matcher(path)).matches()) {
        String key = m.group(1) + "@" + m.group(2);
        if (method.equals("PUT")) {
          String type = x.getRequestHeaders().getFirst("Content-Type");
          Manifest man = new Manifest(type, body, sha256(body));
          manifests.put(key, man);
          manifests.put(m.group(1) + "@" + man.digest(), man);
          x.getResponseHeaders().add("Docker-Content-Digest", man.digest());
          x.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/manifests/" + man.digest());
          send(x, 201, new byte[0], method);
          return;
        }
        Manifest man = manifests.get(key);
        if (man == null) {
          send(x, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(),
              method);
          return;
        }
        x.getResponseHeaders().add("Content-Type", man.mediaType());
        x.getResponseHeaders().add("Docker-Content-Digest", man.digest());
        send(x, 200, man.bytes(), method);
      } else {
        send(x, 404, "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"not here\"}]}".getBytes(), method);
      }
    }
  }

  private static void send(HttpExchange x, int status, byte[] body, String method) throws IOException {
    if (method.equals("HEAD")) {
      x.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
      x.sendResponseHeaders(status, -1);
      return;
    }
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      x.getResponseBody().write(body);
    }
  }

  private static String query(URI uri, String name) {
    String q = uri.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
