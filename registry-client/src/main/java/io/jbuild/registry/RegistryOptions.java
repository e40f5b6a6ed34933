package io.jbuild.registry;

import io.jbuild.registry.auth.CredentialStore;
import io.jbuild.registry.auth.CredentialStores;
import io.jbuild.registry.tls.RegistryTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link RegistryClient} talks to registries. Start from {@link #defaults()} and change single
 * settings with the {@code with...} methods.
 *
 * @param credentials where credentials come from
 * @param certsDir Docker-style {@code certs.d} root ({@code null}: none)
 * @param extraCas extra PEM CA files trusted for every registry ({@code --registry-ca})
 * @param insecureRegistries hosts ({@code host[:port]}) allowed over plain HTTP besides loopback ones
 * @param retry backoff policy for idempotent requests and restarted upload sessions
 * @param parallelism blobs transferred concurrently
 * @param chunkSize blobs larger than this are uploaded in PATCH chunks of this size; smaller ones with
 *     one monolithic PUT
 * @param timeout connect timeout, and the longest wait for response headers
 * @param userAgent the {@code User-Agent} header
 */
public record RegistryOptions(
    CredentialStore credentials,
    Path certsDir,
    List<Path> extraCas,
    Set<String> insecureRegistries,
    RetryPolicy retry,
    int parallelism,
    long chunkSize,
    Duration timeout,
    String userAgent) {

  public RegistryOptions {
    Objects.requireNonNull(credentials, "credentials");
    extraCas = extraCas == null ? List.of() : List.copyOf(extraCas);
    insecureRegistries = insecureRegistries == null ? Set.of() : Set.copyOf(insecureRegistries);
    Objects.requireNonNull(retry, "retry");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /**
   * Credentials from the environment (Docker and podman files), {@code /etc/docker/certs.d}, default
   * retries, 4 parallel transfers, 16 MiB chunks, 60 s timeout.
   */
  public static RegistryOptions defaults() {
    return new RegistryOptions(CredentialStores.fromEnvironment(), RegistryTls.DEFAULT_CERTS_DIR, List.of(),
        Set.of(), RetryPolicy.defaults(), 4, 16L << 20, Duration.ofSeconds(60), "jbuild/0.1");
  }

  public RegistryOptions withCredentials(CredentialStore c) {
    return new RegistryOptions(c, certsDir, extraCas, insecureRegistries, retry, parallelism, chunkSize,
        timeout, userAgent);
  }

  public RegistryOptions withCertsDir(Path dir) {
    return new RegistryOptions(credentials, dir, extraCas, insecureRegistries, retry, parallelism, chunkSize,
        timeout, userAgent);
  }

  public RegistryOptions withExtraCas(List<Path> cas) {
    return new RegistryOptions(credentials, certsDir, cas, insecureRegistries, retry, parallelism, chunkSize,
        timeout, userAgent);
  }

  public RegistryOptions withInsecureRegistries(Set<String> hosts) {
    return new RegistryOptions(credentials, certsDir, extraCas, hosts, retry, parallelism, chunkSize,
        timeout, userAgent);
  }

  public RegistryOptions withRetry(RetryPolicy r) {
    return new RegistryOptions(credentials, certsDir, extraCas, insecureRegistries, r, parallelism, chunkSize,
        timeout, userAgent);
  }

  public RegistryOptions withParallelism(int p) {
    return new RegistryOptions(credentials, certsDir, extraCas, insecureRegistries, retry, p, chunkSize,
        timeout, userAgent);
  }

  public RegistryOptions withChunkSize(long size) {
    return new RegistryOptions(credentials, certsDir, extraCas, insecureRegistries, retry, parallelism, size,
        timeout, userAgent);
  }

  public RegistryOptions withTimeout(Duration t) {
    return new RegistryOptions(credentials, certsDir, extraCas, insecureRegistries, retry, parallelism,
        chunkSize, t, userAgent);
  }
}
