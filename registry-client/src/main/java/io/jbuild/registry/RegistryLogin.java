package io.jbuild.registry;

import io.jbuild.registry.auth.Credentials;
import io.jbuild.registry.auth.DockerConfig;
import java.io.IOException;

/**
 * {@code jbuild login} / {@code jbuild logout}, as {@code docker login} / {@code docker logout} do them:
 * credentials are verified against the registry first, then stored in Docker's config file (through
 * its credential helper when one is configured, else base64 in {@code auths}, file mode 0600, written
 * atomically).
 */
public final class RegistryLogin {
  private RegistryLogin() {}

  /**
   * Normalises what a user types as a registry ({@code docker.io}, {@code index.docker.io},
   * {@code https://index.docker.io/v1/}, {@code https://host:5000/}, {@code host:5000}) to
   * {@code host[:port]}, with Docker Hub as {@code docker.io}. An empty or null name means Docker Hub.
   */
  public static String normalise(String registry) {
    if (registry == null || registry.isBlank()) {
      return ImageReference.DOCKER_HUB;
    }
    String s = DockerConfig.hostOf(registry);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("invalid registry name: " + registry);
    }
    return s;
  }

  /**
   * Verifies {@code credentials} with {@code client} and stores them in {@code config}.
   *
   * @throws RegistryException when the registry refuses them (nothing is stored then)
   * @throws IOException when the config file or credential helper fails
   */
  public static void login(RegistryClient client, DockerConfig config, String registry, Credentials credentials)
      throws RegistryException, IOException {
    String host = normalise(registry);
    client.checkLogin(host, credentials);
    config.store(host, credentials);
  }

  /** Removes stored credentials for {@code registry}; false when there were none. */
  public static boolean logout(DockerConfig config, String registry) throws IOException {
    return config.remove(normalise(registry));
  }
}
