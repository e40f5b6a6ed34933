package io.jbuild.runtime.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host files bind-mounted at {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code
 * /etc/hostname}. They live in the bundle directory, so they are never part of a layer.
 */
public record EtcFiles(Path hosts, Path resolvConf, Path hostname) {
  private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
  private static final String DEFAULT_RESOLV_CONF = "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";

  /** The file names inside {@code dir}, without writing anything. */
  public static EtcFiles in(Path dir) {
    return new EtcFiles(dir.resolve("hosts"), dir.resolve("resolv.conf"), dir.resolve("hostname"));
  }

  /** The {@code /etc/hosts} content: loopback names plus the hostname, like BuildKit's. */
  public static String hostsContent(String hostname) {
    return "127.0.0.1\tlocalhost " + hostname + "\n::1\tlocalhost ip6-localhost ip6-loopback\n";
  }

  /**
   * Writes the three files into {@code dir}: hosts as {@link #hostsContent}, resolv.conf copied
   * from the host (Google's resolvers when the host has none), hostname.
   */
  public static EtcFiles write(Path dir, String hostname) throws IOException {
    EtcFiles f = in(dir);
    Files.createDirectories(dir);
    Files.writeString(f.hosts(), hostsContent(hostname), StandardCharsets.UTF_8);
    String resolv = DEFAULT_RESOLV_CONF;
    if (Files.isRegularFile(HOST_RESOLV_CONF)) {
      String host = Files.readString(HOST_RESOLV_CONF, StandardCharsets.ISO_8859_1);
      if (host.contains("nameserver")) {
        resolv = host;
      }
    }
    Files.writeString(f.resolvConf(), resolv, StandardCharsets.ISO_8859_1);
    Files.writeString(f.hostname(), hostname + "\n", StandardCharsets.UTF_8);
    return f;
  }
}
