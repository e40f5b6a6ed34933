package io.jbuild.cli;

import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.tls.RegistryTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a command reaches registries, as a picocli mixin: {@code --registry-ca FILE} (repeatable),
 * {@code --insecure-registry HOST[:PORT]} (repeatable) and {@code --certs-dir DIR} (Docker's
 * {@code certs.d} convention, default {@code /etc/docker/certs.d}). {@link #options()} turns them into
 * {@link RegistryOptions} over the defaults (credentials from the environment: {@code $REGISTRY_AUTH_FILE},
 * {@code $DOCKER_CONFIG/config.json}, podman's {@code auth.json}). Invalid values are usage errors
 * naming the flag.
 */
public final class RegistryConnectionFlags {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--registry-ca", paramLabel = "FILE",
      description = "Also trust this PEM CA bundle for every registry; repeatable")
  List<Path> registryCas = new ArrayList<>();

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Allow plain HTTP to this registry (loopback registries always are); repeatable")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(names = "--certs-dir", paramLabel = "DIR",
      description = "Per-registry CAs and client certificates in DIR/HOST[:PORT]/ (*.crt, *.cert + *.key);"
          + " default /etc/docker/certs.d")
  Path certsDir;

  /** {@link RegistryOptions#defaults()} with these flags applied. */
  public RegistryOptions options() {
    return applyTo(RegistryOptions.defaults());
  }

  /**
   * {@code base} with the CA files, insecure hosts (normalised to lower-case {@code host[:port]}) and
   * certificate folder of these flags.
   *
   * @throws CommandLine.ParameterException when a CA file or the certificate folder does not exist, or a
   *     host is not {@code HOST[:PORT]}
   */
  public RegistryOptions applyTo(RegistryOptions base) {
    for (Path ca : registryCas) {
      if (!Files.isRegularFile(ca) || !Files.isReadable(ca)) {
        throw usage("invalid --registry-ca \"" + ca + "\": no such readable file");
      }
    }
    if (certsDir != null && !Files.isDirectory(certsDir)) {
      throw usage("invalid --certs-dir \"" + certsDir + "\": no such directory");
    }
    Set<String> hosts = new LinkedHashSet<>(base.insecureRegistries());
    for (String h : insecureRegistries) {
      try {
        hosts.add(normaliseHost(h));
      } catch (IllegalArgumentException e) {
        throw usage("invalid --insecure-registry \"" + h + "\": " + e.getMessage());
      }
    }
    List<Path> cas = new ArrayList<>(base.extraCas());
    registryCas.forEach(ca -> cas.add(ca.toAbsolutePath()));
    return base.withExtraCas(cas).withInsecureRegistries(hosts)
        .withCertsDir(certsDir == null ? RegistryTls.DEFAULT_CERTS_DIR : certsDir.toAbsolutePath());
  }

  /**
   * Normalises a registry host as users write it ({@code Registry.example:5000},
   * {@code http://host:5000/}, {@code [::1]:5000}) to lower-case {@code host[:port]}.
   *
   * @throws IllegalArgumentException when it is empty, has a path, or the port is not 1..65535
   */
  public static String normaliseHost(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("expected HOST[:PORT]");
    }
    if (s.contains("/") || s.chars().anyMatch(Character::isWhitespace) || s.contains("@")) {
      throw new IllegalArgumentException("expected HOST[:PORT] without path or user");
    }
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed [ in IPv6 address");
      }
      host = s.substring(0, close + 1);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("expected :PORT after the IPv6 address");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = s.lastIndexOf(':');
      if (colon >= 0) {
        if (s.indexOf(':') != colon) {
          throw new IllegalArgumentException("write IPv6 addresses as [ADDRESS]:PORT");
        }
        host = s.substring(0, colon);
        port = s.substring(colon + 1);
      }
    }
    if (host.isEmpty() || host.equals("[]")) {
      throw new IllegalArgumentException("missing host");
    }
    if (port != null) {
      int p;
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("port \"" + port + "\" is not a number");
      }
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port " + p + " is out of range 1..65535");
      }
      return host + ":" + p;
    }
    return host;
  }

  private RuntimeException usage(String message) {
    return mixee == null ? new IllegalArgumentException(message)
        : new CommandLine.ParameterException(mixee.commandLine(), message);
  }
}
