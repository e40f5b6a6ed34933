package io.jbuild.registry.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Factories for {@link CredentialStore}. */
public final class CredentialStores {
  private CredentialStores() {}

  /** Anonymous access everywhere. */
  public static CredentialStore anonymous() {
    return registry -> Optional.empty();
  }

  /** Fixed credentials per host (tests, {@code --creds}). */
  public static CredentialStore of(Map<String, Credentials> byHost) {
    Map<String, Credentials> copy = Map.copyOf(byHost);
    return registry -> Optional.ofNullable(copy.get(DockerConfig.hostOf(registry)))
        .or(() -> Optional.ofNullable(copy.get(registry)));
  }

  /** The first store that knows the registry wins. */
  public static CredentialStore chain(List<CredentialStore> stores) {
    List<CredentialStore> copy = List.copyOf(stores);
    return registry -> {
      for (CredentialStore s : copy) {
        Optional<Credentials> c = s.find(registry);
        if (c.isPresent()) {
          return c;
        }
      }
      return Optional.empty();
    };
  }

  /**
   * What the user's environment says, in this order: {@code $REGISTRY_AUTH_FILE} (podman's explicit
   * choice), Docker's {@code config.json} ({@code $DOCKER_CONFIG}), then podman's
   * {@code ${XDG_RUNTIME_DIR}/containers/auth.json}.
   */
  public static CredentialStore fromEnvironment(Map<String, String> env) {
    List<CredentialStore> stores = new ArrayList<>();
    String authFile = env.get("REGISTRY_AUTH_FILE");
    if (authFile != null && !authFile.isEmpty()) {
      stores.add(DockerConfig.file(Path.of(authFile)).withHelperPath(env.getOrDefault("PATH", "")));
    }
    stores.add(DockerConfig.fromEnvironment(env));
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isEmpty()) {
      stores.add(DockerConfig.file(Path.of(runtimeDir, "containers", "auth.json"))
          .withHelperPath(env.getOrDefault("PATH", "")));
    }
    return chain(stores);
  }

  /** {@link #fromEnvironment(Map)} over {@link System#getenv()}. */
  public static CredentialStore fromEnvironment() {
    return fromEnvironment(System.getenv());
  }
}
