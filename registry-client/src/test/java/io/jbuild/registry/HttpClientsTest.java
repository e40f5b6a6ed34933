package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
  private static Set<Thread> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().endsWith("-SelectorManager")).collect(Collectors.toSet());
  }

  @Test
  void shutdownAllStopsTheSelectorThreadsOfEveryClient() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", x -> {
      x.sendResponseHeaders(200, 2);
      x.getResponseBody().write("ok".getBytes());
      x.close();
    });
    server.start();
    try {
      Set<Thread> before = selectorThreads();
      // one client made here, one made elsewhere (a library's): both have their threads stopped
      for (HttpClient c : new HttpClient[] {HttpClients.build(HttpClient.newBuilder()), HttpClient.newHttpClient()}) {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("ok", r.body());
      }
      Set<Thread> started = selectorThreads();
      started.removeAll(before);
      assertEquals(2, started.size(), "each client runs a selector thread: " + started);
      HttpClients.shutdownAll();
      for (Thread t : started) {
        t.join(2000);
        assertFalse(t.isAlive(), t.getName() + " still runs after shutdownAll");
      }
    } finally {
      server.stop(0);
    }
  }
}
