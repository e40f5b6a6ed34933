package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.tls.RegistryTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP clients per host (each with its TLS settings) and the scheme of each registry. Registries use
 * HTTPS. A registry on loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) or named insecure is
 * probed once with HTTPS (certificate checked) and falls back to plain HTTP when the server does not
 * speak TLS at all, as Docker does; a certificate error is never a reason to fall back.
 */
final class Connections {
  private final RegistryOptions options;
  private final RegistryTls tls;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<String, URI> bases = new ConcurrentHashMap<>();

  Connections(RegistryOptions options) {
    this.options = options;
    this.tls = RegistryTls.of(options.certsDir(), options.extraCas());
  }

  RegistryOptions options() {
    return options;
  }

  /** The client for requests to {@code hostPort}. */
  HttpClient client(String hostPort) throws IOException {
    HttpClient c = clients.get(hostPort);
    if (c == null) {
      c = HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(options.timeout())
          .version(HttpClient.Version.HTTP_1_1)
          .sslContext(tls.contextFor(hostPort))
          .build();
      HttpClient previous = clients.putIfAbsent(hostPort, c);
      if (previous != null) {
        c = previous;
      }
    }
    return c;
  }

  /** {@code https://host[:port]} or, for plain-HTTP registries, {@code http://host[:port]}. */
  URI base(String registry) throws IOException {
    URI known = bases.get(registry);
    if (known != null) {
      return known;
    }
    URI https = URI.create("https://" + registry);
    URI chosen = https;
    if (mayUsePlainHttp(registry)) {
      try {
        HttpRequest probe = HttpRequest.newBuilder(https.resolve("/v2/")).timeout(Duration.ofSeconds(10))
            .header("User-Agent", options.userAgent()).GET().build();
        HttpResponse<InputStream> r = client(registry).send(probe, HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
      } catch (java.net.ConnectException e) {
        return https; // nothing listens (yet): decide on a later call, let this one fail as it will
      } catch (IOException e) {
        if (!isCertificateProblem(e)) {
          chosen = URI.create("http://" + registry);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    bases.putIfAbsent(registry, chosen);
    return bases.get(registry);
  }

  private static boolean isCertificateProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("PKIX") || m.contains("certificate") || m.contains("No subject alternative"))) {
        return true;
      }
    }
    return false;
  }

  /** Loopback hosts and those named insecure. */
  boolean mayUsePlainHttp(String registry) {
    return isLoopback(registry) || options.insecureRegistries().contains(registry)
        || options.insecureRegistries().contains(hostOnly(registry));
  }

  static String hostOnly(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end > 0 ? hostPort.substring(0, end + 1) : hostPort;
    }
    int colon = hostPort.lastIndexOf(':');
    return colon >= 0 ? hostPort.substring(0, colon) : hostPort;
  }

  static boolean isLoopback(String hostPort) {
    String host = hostOnly(hostPort).toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1")) {
      return true;
    }
    if (host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      for (String part : host.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
