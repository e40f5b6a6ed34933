package io.jbuild.registry.transport;

import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.tls.RegistryTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP clients per host (each with its TLS settings) and the scheme of each registry. Registries use
 * HTTPS. A registry on loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) or named insecure is
 * probed once with HTTPS (certificate checked) and falls back to plain HTTP when the server does not
 * speak TLS at all, as Docker does; a certificate error is never a reason to fall back. A loopback
 * registry that answers a plain-HTTP {@code HEAD /v2/} as a registry is taken as plain HTTP at once,
 * without the HTTPS probe (the outcome the probe would reach, without its TLS cost).
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
      HttpClient.Builder b = HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(options.timeout())
          .version(HttpClient.Version.HTTP_1_1);
      if (usesDefaultTls(hostPort)) {
        b.sslContext(LazySslContext.ofDefault()).sslParameters(LazySslContext.clientParameters());
      } else {
        b.sslContext(tls.contextFor(hostPort));
      }
      c = io.jbuild.registry.HttpClients.build(b);
      HttpClient previous = clients.putIfAbsent(hostPort, c);
      if (previous != null) {
        c = previous;
      }
    }
    return c;
  }

  /**
   * Whether {@link RegistryTls#contextFor} would give the JDK's default context for {@code hostPort}
   * (no extra CA, no {@code certs.d/<host:port>} directory): then the client gets it lazily, so that
   * plain-HTTP registries never pay for TLS initialisation.
   */
  private boolean usesDefaultTls(String hostPort) {
    if (hostPort.contains("/") || hostPort.contains("..") || hostPort.isEmpty() || !options.extraCas().isEmpty()) {
      return false;
    }
    Path certsDir = options.certsDir();
    return certsDir == null || !Files.exists(certsDir.resolve(hostPort));
  }

  /** {@code https://host[:port]} or, for plain-HTTP registries, {@code http://host[:port]}. */
  URI base(String registry) throws IOException {
    URI known = bases.get(registry);
    if (known != null) {
      return known;
    }
    URI https = URI.create("https://" + registry);
    URI chosen = https;
    if (isLoopback(registry) && speaksPlainRegistryApi(registry)) {
      chosen = URI.create("http://" + registry);
    } else if (mayUsePlainHttp(registry)) {
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

  /**
   * Whether a loopback registry answers a plain-HTTP {@code HEAD /v2/} as a registry does (200 or
   * 401 with the {@code Docker-Distribution-API-Version} header). Such a server cannot be speaking
   * TLS on that port, so the HTTPS probe would only fail (after initialising TLS and a handshake,
   * ~0.1 s per command); anything else (a TLS server's 400, a reset) leaves the choice to it.
   */
  private boolean speaksPlainRegistryApi(String registry) throws IOException {
    try {
      HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/"))
          .timeout(Duration.ofSeconds(10)).header("User-Agent", options.userAgent())
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<Void> r = client(registry).send(probe, HttpResponse.BodyHandlers.discarding());
      return (r.statusCode() == 200 || r.statusCode() == 401)
          && r.headers().firstValue("Docker-Distribution-API-Version").isPresent();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException | RuntimeException e) {
      return false;
    }
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
