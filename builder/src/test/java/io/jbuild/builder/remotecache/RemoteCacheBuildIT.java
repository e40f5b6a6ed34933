package io.jbuild.builder.remotecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jbuild.builder.TestSupport;
import io.jbuild.registry.testing.BusyboxImage;
import io.jbuild.registry.testing.RegistryServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI, two (and more) {@code JBUILD_HOME}s standing for machines. Every RUN
 * fetches a URL from an HTTP server of the test ({@code --network host}), so the server's counters
 * prove which RUN steps really ran: machine A builds and exports its cache; machine B imports it and
 * runs no RUN; machine C changes one stage and still hits the independent one; {@code type=local}
 * round-trips the same way.
 */
class RemoteCacheBuildIT {
  static RegistryServer registry;
  static HttpServer server;
  static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    registry = RegistryServer.start();
    TestSupport.tool("skopeo", "copy", "--dest-tls-verify=false",
        "oci:" + BusyboxImage.layout().toAbsolutePath() + ":latest", "docker://" + registry.host() + "/busybox:1");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      HITS.computeIfAbsent(ex.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
      byte[] body = "ran\n".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (registry != null) {
      registry.close();
    }
  }

  static int hits(String path) {
    AtomicInteger n = HITS.get(path);
    return n == null ? 0 : n.get();
  }

  Path context() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM " + registry.host() + "/busybox:1 AS a\n"
        + "RUN wget -q -O /a " + url + "/a\n"
        + "FROM " + registry.host() + "/busybox:1 AS b\n"
        + "ARG CHANGE=1\n"
        + "RUN echo $CHANGE > /c && wget -q -O /b " + url + "/b\n"
        + "FROM a\n"
        + "COPY --from=b /b /b\n"
        + "RUN wget -q -O /final " + url + "/final\n");
    return ctx;
  }

  TestSupport.Cli build(String home, Path ctx, String... flags) throws Exception {
    // warm first: the base is pulled and extracted once (also exercises the warm command)
    TestSupport.Cli warm = TestSupport.cli(tmp.resolve(home), Map.of(), "warm", "-f",
        ctx.resolve("Dockerfile").toString());
    assertEquals(0, warm.exit(), warm.stderr() + warm.stdout());
    List<String> args = new java.util.ArrayList<>(List.of("build", "--progress=plain"));
    args.addAll(List.of(flags));
    args.add(ctx.toString());
    TestSupport.Cli r = TestSupport.cli(tmp.resolve(home), Map.of(), args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.stderr());
    return r;
  }

  @Test
  void otherMachinesRunOnlyWhatChanged() throws Exception {
    Path ctx = context();
    String cache = registry.host() + "/cache:e2e";
    Path dir = tmp.resolve("cache-dir");
    build("a", ctx, "--cache-to", "type=registry,ref=" + cache + ",mode=max",
        "--cache-to", "type=local,dest=" + dir + ",mode=min");
    assertEquals(List.of(1, 1, 1), List.of(hits("/a"), hits("/b"), hits("/final")));

    // B imports the registry cache: no RUN runs
    TestSupport.Cli b = build("b", ctx, "--cache-from", "type=registry,ref=" + cache);
    assertEquals(List.of(1, 1, 1), List.of(hits("/a"), hits("/b"), hits("/final")), b.stderr());
    assertTrue(b.stderr().contains("CACHED"), b.stderr());

    // D imports the local min-mode cache: it holds the final image's chain (stage a and the last stage)
    // but not stage b, which runs again; the last stage still hits (its inputs are unchanged)
    build("d", ctx, "--cache-from", "type=local,src=" + dir);
    assertEquals(List.of(1, 2, 1), List.of(hits("/a"), hits("/b"), hits("/final")));

    // C changes stage b: the independent stage a still hits; b and the stage copying from it run
    build("c", ctx, "--cache-from", cache, "--build-arg", "CHANGE=2");
    assertEquals(List.of(1, 3, 2), List.of(hits("/a"), hits("/b"), hits("/final")));

    // B again without --cache-from: the imported steps are plain local hits now
    build("b", ctx);
    assertEquals(List.of(1, 3, 2), List.of(hits("/a"), hits("/b"), hits("/final")));
  }
}
