package io.jbuild.registry.testing;

import io.jbuild.registry.ImageReference;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Debian's real distribution registry ({@code /usr/bin/docker-registry serve CONFIG}) on a free
 * {@code 127.0.0.1} port with its storage in a temp directory, configured by a {@link Builder}:
 * plain HTTP by default, htpasswd users (bcrypt via Bouncy Castle), TLS with a {@link TestPki} server
 * certificate, required client certificates, or Bearer tokens from a {@link TokenServer}. {@link #close}
 * stops it. Start-up waits until the port accepts connections.
 */
public final class RegistryServer implements AutoCloseable {
  /** The registry binary. */
  public static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final Path dir;
  private final int port;
  private final boolean tls;

  private RegistryServer(Process process, Path dir, int port, boolean tls) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.tls = tls;
  }

  /** True when the registry binary is installed. */
  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A plain-HTTP registry without auth. */
  public static RegistryServer start() throws IOException {
    return builder().start();
  }

  /** {@code 127.0.0.1:<port>}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** {@code https://...} or {@code http://...}. */
  public String url() {
    return (tls ? "https://" : "http://") + host();
  }

  /** A reference to {@code repoAndTag} on this registry ({@code app:1} → {@code 127.0.0.1:PORT/app:1}). */
  public ImageReference ref(String repoAndTag) {
    return ImageReference.parse(host() + "/" + repoAndTag);
  }

  /** The registry's log (stdout and stderr). */
  public String log() {
    try {
      return Files.readString(dir.resolve("registry.log"));
    } catch (IOException e) {
      return "";
    }
  }

  /** The directory holding config, storage and log. */
  public Path directory() {
    return dir;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  /** Deletes a directory tree, best effort. */
  public static void deleteTreeForTests(Path root) {
    deleteTree(root);
  }

  static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** A free loopback TCP port (racy, good enough for tests). */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Configures and starts a registry. */
  public static final class Builder {
    private final Map<String, String> users = new LinkedHashMap<>();
    private TestPki pki;
    private boolean clientCerts;
    private TokenServer tokens;

    private Builder() {}

    /** Requires htpasswd (Basic) auth with this user. */
    public Builder user(String name, String password) {
      users.put(name, password);
      return this;
    }

    /** Serves HTTPS with a server certificate from {@code ca}. */
    public Builder tls(TestPki ca) {
      this.pki = ca;
      return this;
    }

    /** With {@link #tls}: requires client certificates issued by the same CA. */
    public Builder requireClientCertificates() {
      this.clientCerts = true;
      return this;
    }

    /** Requires Bearer tokens issued by {@code server}. */
    public Builder tokenAuth(TokenServer server) {
      this.tokens = server;
      return this;
    }

    public RegistryServer start() throws IOException {
      if (!available()) {
        throw new IOException(BINARY + " not installed (Debian package docker-registry)");
      }
      Path dir = Files.createTempDirectory("jbuild-registry-");
      int port = freePort();
      StringBuilder yml = new StringBuilder();
      yml.append("version: 0.1\n")
          .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
          .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("storage")).append('\n')
          .append("  delete:\n    enabled: true\n")
          .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
          .append("  secret: jbuild-test-secret\n");
      if (pki != null) {
        TestPki.Issued server = pki.server();
        server.write(dir.resolve("server.crt"), dir.resolve("server.key"));
        yml.append("  tls:\n    certificate: ").append(dir.resolve("server.crt")).append('\n')
            .append("    key: ").append(dir.resolve("server.key")).append('\n');
        if (clientCerts) {
          pki.writeCa(dir.resolve("clientca.crt"));
          yml.append("    clientcas:\n      - ").append(dir.resolve("clientca.crt")).append('\n');
        }
      }
      if (!users.isEmpty()) {
        StringBuilder htpasswd = new StringBuilder();
        SecureRandom random = new SecureRandom();
        for (Map.Entry<String, String> u : users.entrySet()) {
          byte[] salt = new byte[16];
          random.nextBytes(salt);
          htpasswd.append(u.getKey()).append(':')
              .append(OpenBSDBCrypt.generate("2y", u.getValue().toCharArray(), salt, 4)).append('\n');
        }
        Files.writeString(dir.resolve("htpasswd"), htpasswd.toString(), StandardCharsets.UTF_8);
        yml.append("auth:\n  htpasswd:\n    realm: jbuild-test\n    path: ").append(dir.resolve("htpasswd"))
            .append('\n');
      } else if (tokens != null) {
        yml.append("auth:\n  token:\n    realm: ").append(tokens.realm()).append('\n')
            .append("    service: ").append(TokenServer.SERVICE).append('\n')
            .append("    issuer: ").append(TokenServer.ISSUER).append('\n')
            .append("    rootcertbundle: ").append(tokens.writeRootBundle(dir.resolve("token-root.crt")))
            .append('\n');
      }
      Path config = dir.resolve("config.yml");
      Files.writeString(config, yml.toString());
      Path log = dir.resolve("registry.log");
      Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      RegistryServer server = new RegistryServer(p, dir, port, pki != null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return server;
        } catch (IOException notYet) {
          if (!p.isAlive() || System.nanoTime() > deadline) {
            String out = server.log();
            server.close();
            throw new IOException("docker-registry did not start on port " + port + ": " + out);
          }
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IOException("interrupted", e);
          }
        }
      }
    }
  }
}
