package io.jbuild.registry.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jbuild.oci.MediaTypes;
import io.jbuild.registry.ContentSinks;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.RetryPolicy;
import io.jbuild.registry.TransferListener;
import io.jbuild.registry.auth.CredentialStores;
import io.jbuild.registry.auth.Credentials;
import io.jbuild.registry.testing.FaultProxy;
import io.jbuild.registry.testing.TestImages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker Hub style: blob GETs answer 307 to another host (blob storage). The client follows, and sends
 * the registry's Authorization header to the registry only. A small JDK HttpServer plays registry and
 * storage (the real docker-registry cannot redirect to another host without cloud storage).
 */
class RedirectIT {
  @TempDir
  Path tmp;

  @Test
  void followsRedirectsWithoutLeakingCredentials() throws Exception {
    TestImages.Image image = TestImages.random(41, 20_000);
    List<String> storageAuth = new CopyOnWriteArrayList<>();
    List<String> registryAuth = new CopyOnWriteArrayList<>();
    HttpServer storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    storage.createContext("/", ex -> {
      storageAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      String hex = ex.getRequestURI().getPath().substring("/storage/".length());
      TestImages.Blob blob = image.blobs().stream().filter(b -> b.descriptor().digest().hex().equals(hex))
          .findFirst().orElseThrow();
      assertTrue(ex.getRequestURI().getQuery().contains("sig=s3cr3t"));
      reply(ex, 200, blob.bytes(), "application/octet-stream");
    });
    storage.start();
    HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    registry.createContext("/v2/", ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fake\"");
        reply(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"login\"}]}".getBytes(), "application/json");
        return;
      }
      registryAuth.add(auth);
      String path = ex.getRequestURI().getPath();
      if (path.endsWith("/manifests/1")) {
        reply(ex, 200, image.manifest(), MediaTypes.OCI_MANIFEST);
      } else if (path.contains("/blobs/sha256:")) {
        String hex = path.substring(path.indexOf("sha256:") + 7);
        ex.getResponseHeaders().set("Location", "http://localhost:" + storage.getAddress().getPort()
            + "/storage/" + hex + "?sig=s3cr3t");
        reply(ex, 307, new byte[0], "text/plain");
      } else {
        reply(ex, 404, new byte[0], "text/plain");
      }
    });
    registry.start();
    try (FaultProxy front = FaultProxy.start(registry.getAddress().getPort())) {
      HttpRegistryClient client = HttpRegistryClient.create(RegistryOptions.defaults().withCertsDir(null)
          .withRetry(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)))
          .withCredentials(CredentialStores.of(Map.of(front.host(), Credentials.basic("u", "p")))));
      Path store = tmp.resolve("store");
      client.pull(ImageReference.parse(front.host() + "/r:1"), null, ContentSinks.ociLayout(store),
          TransferListener.NONE);
      for (TestImages.Blob b : image.blobs()) {
        assertArrayEquals(b.bytes(), Files.readAllBytes(store.resolve("blobs/sha256/" + b.descriptor().digest().hex())));
      }
      assertEquals(2, storageAuth.size());
      assertEquals(List.of("null", "null"), storageAuth, "no Authorization sent to blob storage");
      assertTrue(registryAuth.size() >= 3);
      registryAuth.forEach(a -> assertEquals(Credentials.basic("u", "p").basicHeader(), a));
    } finally {
      registry.stop(0);
      storage.stop(0);
    }
  }

  private static void reply(HttpExchange ex, int status, byte[] body, String type) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }
}
