package io.jbuild.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {
  @TempDir
  Path tmp;

  private Path write(String json) throws IOException {
    Path dir = tmp.resolve("docker");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), json);
    return dir;
  }

  @Test
  void readsAuthsInAllForms() throws IOException {
    Path dir = write("""
        {"auths": {
          "https://index.docker.io/v1/": {"auth": "%s"},
          "https://registry.example.com/v2/": {"username": "u2", "password": "p2"},
          "ghcr.io": {"identitytoken": "refresh-me", "auth": "%s"},
          "empty.example.com": {}
        }, "HttpHeaders": {"X": "y"}}
        """.formatted(Credentials.basic("hub", "pw:with:colons").authField(),
        Credentials.basic("gh", "").authField()));
    CredentialStore store = CredentialStores.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString()));
    assertEquals(Optional.of(Credentials.basic("hub", "pw:with:colons")), store.find("docker.io"));
    assertEquals(Optional.of(Credentials.basic("hub", "pw:with:colons")), store.find("registry-1.docker.io"));
    assertEquals(Optional.of(Credentials.basic("u2", "p2")), store.find("registry.example.com"));
    assertEquals(Optional.of(new Credentials("gh", null, "refresh-me")), store.find("ghcr.io"));
    assertEquals(Optional.empty(), store.find("empty.example.com"));
    assertEquals(Optional.empty(), store.find("other.example.com"));
  }

  @Test
  void podmanAuthFileAndPrecedence() throws IOException {
    Path dir = write("{\"auths\":{\"quay.io\":{\"auth\":\"" + Credentials.basic("docker", "d").authField() + "\"}}}");
    Path runtime = tmp.resolve("run");
    Files.createDirectories(runtime.resolve("containers"));
    Files.writeString(runtime.resolve("containers/auth.json"), "{\"auths\":{\"quay.io/org\":{\"auth\":\""
        + Credentials.basic("podman", "p").authField() + "\"},\"other.io\":{\"auth\":\""
        + Credentials.basic("o", "p").authField() + "\"}}}");
    Path explicit = tmp.resolve("explicit.json");
    Files.writeString(explicit, "{\"auths\":{\"other.io\":{\"auth\":\"" + Credentials.basic("x", "y").authField() + "\"}}}");
    CredentialStore store = CredentialStores.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString(),
        "XDG_RUNTIME_DIR", runtime.toString()));
    assertEquals("docker", store.find("quay.io").orElseThrow().username());
    assertEquals("o", store.find("other.io").orElseThrow().username());
    CredentialStore withExplicit = CredentialStores.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString(),
        "XDG_RUNTIME_DIR", runtime.toString(), "REGISTRY_AUTH_FILE", explicit.toString()));
    assertEquals("x", withExplicit.find("other.io").orElseThrow().username());
  }

  @Test
  void storeAndRemoveKeepOtherFieldsAndMode0600() throws IOException {
    Path dir = write("{\"auths\":{\"keep.io\":{\"auth\":\"" + Credentials.basic("k", "k").authField()
        + "\"}},\"psFormat\":\"table\"}");
    DockerConfig config = DockerConfig.inDirectory(dir);
    config.store("docker.io", Credentials.basic("me", "secret"));
    config.store("localhost:5000", Credentials.basic("local", "pw"));
    String text = Files.readString(config.path());
    assertTrue(text.contains("\"psFormat\""), text);
    assertTrue(text.contains("https://index.docker.io/v1/"), text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.path())));
    assertEquals(Optional.of(Credentials.basic("me", "secret")), config.find("docker.io"));
    assertEquals(Optional.of(Credentials.basic("local", "pw")), config.find("localhost:5000"));
    assertTrue(config.remove("docker.io"));
    assertFalse(config.remove("docker.io"));
    assertEquals(Optional.empty(), config.find("docker.io"));
    assertEquals("k", config.find("keep.io").orElseThrow().username());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temp files left");
    }
  }

  @Test
  void credentialHelpersAreCalledWithTheServerUrl() throws IOException {
    Path bin = tmp.resolve("bin");
    Files.createDirectories(bin);
    Path log = tmp.resolve("helper.log");
    Path helper = bin.resolve("docker-credential-fake");
    Files.writeString(helper, """
        #!/bin/sh
        read -r input
        echo "$1 $input" >> %s
        case "$1" in
          get)
            case "$input" in
              https://index.docker.io/v1/) echo '{"ServerURL":"x","Username":"<token>","Secret":"tok"}' ;;
              helped.io) echo '{"ServerURL":"helped.io","Username":"hu","Secret":"hs"}' ;;
              *) echo "credentials not found in native keychain"; exit 1 ;;
            esac ;;
          store|erase) exit 0 ;;
        esac
        """.formatted(log));
    helper.toFile().setExecutable(true);
    Path dir = write("{\"credsStore\":\"fake\",\"credHelpers\":{\"other.io\":\"missing\"},"
        + "\"auths\":{\"fallback.io\":{\"auth\":\"" + Credentials.basic("f", "f").authField() + "\"}}}");
    DockerConfig config = DockerConfig.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString(), "PATH", bin.toString()));
    assertEquals(Optional.of(new Credentials("", null, "tok")), config.find("docker.io"));
    assertEquals(Optional.of(Credentials.basic("hu", "hs")), config.find("helped.io"));
    assertEquals(Optional.of(Credentials.basic("f", "f")), config.find("fallback.io"));
    IOException missing = assertThrows(IOException.class, () -> config.find("other.io"));
    assertTrue(missing.getMessage().contains("docker-credential-missing not found"), missing.getMessage());
    config.store("helped.io", Credentials.basic("new", "pw"));
    assertFalse(Files.readString(config.path()).contains("pw"), "secret went to the helper, not the file");
    assertTrue(Files.readString(log).contains("get https://index.docker.io/v1/"));
    assertTrue(Files.readString(log).contains("store {"));
  }

  @Test
  void credentialsNeverPrintSecrets() {
    String s = Credentials.basic("user", "hunter2").toString() + new Credentials("u", null, "tok-xyz");
    assertFalse(s.contains("hunter2"));
    assertFalse(s.contains("tok-xyz"));
    assertTrue(s.contains("user"));
  }

  @Test
  void invalidFilesAreClearErrors() throws IOException {
    Path dir = write("{not json");
    IOException e = assertThrows(IOException.class, () -> DockerConfig.inDirectory(dir).find("x.io"));
    assertTrue(e.getMessage().startsWith("reading " + dir.resolve("config.json") + ": invalid JSON"), e.getMessage());
    Path bad = write("{\"auths\":{\"x.io\":{\"auth\":\"%%%\"}}}");
    assertThrows(IOException.class, () -> DockerConfig.inDirectory(bad).find("x.io"));
  }
}
