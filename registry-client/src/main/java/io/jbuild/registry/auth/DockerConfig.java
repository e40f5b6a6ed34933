package io.jbuild.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's client configuration file ({@code config.json} in {@code $DOCKER_CONFIG}, default
 * {@code ~/.docker}), as far as credentials go. Lookup follows Docker: a {@code credHelpers} entry for
 * the host, else {@code credsStore}, then the {@code auths} entry ({@code auth} = base64 of
 * {@code user:password}, or {@code username}/{@code password}, or {@code identitytoken}). Docker Hub is
 * stored under {@code https://index.docker.io/v1/}. The same reader serves podman's {@code auth.json}
 * (which only has {@code auths}). Writes keep unknown fields, are atomic and leave mode 0600.
 */
public final class DockerConfig implements CredentialStore {
  /** The key Docker uses for Docker Hub. */
  public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final String helperPath;

  private DockerConfig(Path file, String helperPath) {
    this.file = file;
    this.helperPath = helperPath;
  }

  /** The config file {@code dir/config.json}; credential helpers are looked up on {@code $PATH}. */
  public static DockerConfig inDirectory(Path dir) {
    return new DockerConfig(dir.resolve("config.json"), System.getenv("PATH"));
  }

  /** A specific file (e.g. podman's {@code auth.json}). */
  public static DockerConfig file(Path file) {
    return new DockerConfig(file, System.getenv("PATH"));
  }

  /** The same file, looking for {@code docker-credential-*} helpers in {@code path} (PATH syntax). */
  public DockerConfig withHelperPath(String path) {
    return new DockerConfig(file, path);
  }

  /**
   * Docker's own lookup: {@code $DOCKER_CONFIG/config.json}, else {@code $HOME/.docker/config.json};
   * credential helpers are searched on the map's {@code PATH}.
   */
  public static DockerConfig fromEnvironment(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    String path = env.getOrDefault("PATH", "");
    if (dir != null && !dir.isEmpty()) {
      return inDirectory(Path.of(dir)).withHelperPath(path);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return inDirectory(Path.of(home, ".docker")).withHelperPath(path);
  }

  /** The file this reads and writes. */
  public Path path() {
    return file;
  }

  /** The key {@code login} writes for {@code registry}: Docker Hub's URL or the host itself. */
  public static String keyFor(String registry) {
    return isDockerHub(registry) ? DOCKER_HUB_KEY : registry;
  }

  static boolean isDockerHub(String host) {
    return host.equals("docker.io") || host.equals("index.docker.io") || host.equals("registry-1.docker.io");
  }

  /**
   * Reduces a config key or a registry name as users type it ({@code https://host:port/v1/},
   * {@code host/ns}, {@code index.docker.io}) to lower-case {@code host[:port]}, with Docker Hub as
   * {@code docker.io}.
   */
  public static String hostOf(String key) {
    String s = key.trim().toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    return isDockerHub(s) ? "docker.io" : s;
  }

  @Override
  public Optional<Credentials> find(String registry) throws IOException {
    ObjectNode root = read();
    String host = hostOf(registry);
    String helper = root.path("credHelpers").path(findKey(root.path("credHelpers"), host)).asText("");
    if (helper.isEmpty()) {
      helper = root.path("credsStore").asText("");
    }
    if (!helper.isEmpty()) {
      Optional<Credentials> c = new CredentialHelper(helper, helperPath).get(keyFor(host));
      if (c.isPresent()) {
        return c;
      }
    }
    JsonNode auths = root.path("auths");
    String key = findKey(auths, host);
    if (key == null) {
      return Optional.empty();
    }
    return decode(auths.path(key), key);
  }

  private Optional<Credentials> decode(JsonNode entry, String key) throws IOException {
    String identity = entry.path("identitytoken").asText("");
    String auth = entry.path("auth").asText("");
    String user = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (!auth.isEmpty()) {
      try {
        Credentials c = Credentials.fromAuthField(auth);
        user = c.username();
        password = c.password();
      } catch (IllegalArgumentException e) {
        throw new IOException("reading " + file + ": entry " + key + ": " + e.getMessage());
      }
    }
    if (!identity.isEmpty()) {
      return Optional.of(new Credentials(user, null, identity));
    }
    if (user.isEmpty() && password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Credentials.basic(user, password));
  }

  private static String findKey(JsonNode object, String host) {
    if (!object.isObject()) {
      return null;
    }
    if (object.has(keyFor(host))) {
      return keyFor(host);
    }
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (hostOf(key).equals(host)) {
        return key;
      }
    }
    return null;
  }

  /**
   * Stores credentials for {@code registry} as {@code docker login} does: through the configured
   * credential helper when there is one, else as base64 {@code auth} in {@code auths}.
   */
  public void store(String registry, Credentials credentials) throws IOException {
    ObjectNode root = read();
    String host = hostOf(registry);
    String helper = helperFor(root, host);
    ObjectNode auths = root.has("auths") && root.get("auths").isObject()
        ? (ObjectNode) root.get("auths") : root.putObject("auths");
    String old = findKey(auths, host);
    if (old != null) {
      auths.remove(old);
    }
    if (helper != null) {
      new CredentialHelper(helper, helperPath).store(keyFor(host), credentials);
      auths.putObject(keyFor(host));
    } else {
      ObjectNode entry = auths.putObject(keyFor(host));
      if (credentials.hasIdentityToken()) {
        entry.put("identitytoken", credentials.identityToken());
      } else {
        entry.put("auth", credentials.authField());
      }
    }
    write(root);
  }

  /** Removes stored credentials for {@code registry}; true when there were some. */
  public boolean remove(String registry) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    ObjectNode root = read();
    String host = hostOf(registry);
    String helper = helperFor(root, host);
    boolean removed = false;
    if (helper != null) {
      new CredentialHelper(helper, helperPath).erase(keyFor(host));
      removed = true;
    }
    JsonNode auths = root.path("auths");
    String key;
    while (auths.isObject() && (key = findKey(auths, host)) != null) {
      ((ObjectNode) auths).remove(key);
      removed = true;
    }
    write(root);
    return removed;
  }

  private static String helperFor(ObjectNode root, String host) {
    String key = findKey(root.path("credHelpers"), host);
    String helper = key == null ? "" : root.path("credHelpers").path(key).asText("");
    if (helper.isEmpty()) {
      helper = root.path("credsStore").asText("");
    }
    return helper.isEmpty() ? null : helper;
  }

  private ObjectNode read() throws IOException {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JSON.createObjectNode();
      }
      if (!node.isObject()) {
        throw new IOException("reading " + file + ": not a JSON object");
      }
      return (ObjectNode) node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("reading " + file + ": invalid JSON at line "
          + e.getLocation().getLineNr(), null);
    }
  }

  private void write(ObjectNode root) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".config-", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.write(temp, JSON.writeValueAsBytes(root));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
