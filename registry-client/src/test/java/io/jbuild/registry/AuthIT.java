package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbuild.registry.auth.CredentialStores;
import io.jbuild.registry.auth.Credentials;
import io.jbuild.registry.auth.DockerConfig;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import io.jbuild.registry.testing.TestPki;
import io.jbuild.registry.testing.TokenServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic (htpasswd) and Bearer-token auth against the real registry; login and logout. */
class AuthIT {
  @TempDir
  Path tmp;

  @BeforeAll
  static void check() {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
  }

  private static RegistryClient client(String host, Credentials c) {
    return RegistryClients.create(RegistryRoundTripIT.testOptions()
        .withCredentials(c == null ? CredentialStores.anonymous() : CredentialStores.of(Map.of(host, c))));
  }

  @Test
  void htpasswdBasicAuth() throws Exception {
    try (RegistryServer registry = RegistryServer.builder().user("alice", "s3cret-pw").start()) {
      TestImages.Image image = TestImages.random(21, 1000, 100_000);
      RegistryClient alice = client(registry.host(), Credentials.basic("alice", "s3cret-pw"));
      assertEquals(image.digest(), alice.push(registry.ref("private:1"), image.pushRequest(), TransferListener.NONE));
      assertEquals(image.digest(), alice.pull(registry.ref("private:1"), null,
          ContentSinks.ociLayout(tmp.resolve("a")), TransferListener.NONE).manifestDigest());

      RegistryException anonymous = assertThrows(RegistryException.class,
          () -> client(registry.host(), null).resolve(registry.ref("private:1"), null));
      assertEquals("UNAUTHORIZED", anonymous.code().orElse(""));
      assertEquals(401, anonymous.status());

      RegistryClient mallory = client(registry.host(), Credentials.basic("alice", "wrong-guess"));
      RegistryException wrong = assertThrows(RegistryException.class,
          () -> mallory.push(registry.ref("private:2"), image.pushRequest(), TransferListener.NONE));
      assertEquals("UNAUTHORIZED", wrong.code().orElse(""));
      assertTrue(wrong.getMessage().startsWith("pushing " + registry.host() + "/private:2: pushing blob sha256:"),
          wrong.getMessage());
      assertFalse(wrong.getMessage().contains("wrong-guess"));

      RegistryClient any = client(registry.host(), null);
      any.checkLogin(registry.host(), Credentials.basic("alice", "s3cret-pw"));
      RegistryException badLogin = assertThrows(RegistryException.class,
          () -> any.checkLogin(registry.host(), Credentials.basic("alice", "nope")));
      assertTrue(badLogin.getMessage().startsWith("logging in to " + registry.host() + ": "), badLogin.getMessage());
      assertEquals("UNAUTHORIZED", badLogin.code().orElse(""));
    }
  }

  @Test
  void loginWritesDockerConfigThatLaterClientsUse() throws Exception {
    try (RegistryServer registry = RegistryServer.builder().user("carol", "pa55:word").start()) {
      Path dockerDir = tmp.resolve("docker");
      Credentials creds = Credentials.basic("carol", "pa55:word");
      DockerConfig config = DockerConfig.inDirectory(dockerDir);
      assertThrows(RegistryException.class, () -> RegistryLogin.login(client(registry.host(), null), config,
          registry.host(), Credentials.basic("carol", "wrong")));
      assertFalse(Files.exists(config.path()), "nothing stored after a refused login");
      RegistryLogin.login(client(registry.host(), null), config, "http://" + registry.host() + "/", creds);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.path())));
      assertTrue(Files.readString(config.path()).contains(creds.authField()));

      RegistryClient fromEnv = RegistryClients.create(RegistryRoundTripIT.testOptions()
          .withCredentials(CredentialStores.fromEnvironment(Map.of("DOCKER_CONFIG", dockerDir.toString()))));
      TestImages.Image image = TestImages.random(22, 500);
      assertEquals(image.digest(), fromEnv.push(registry.ref("mine:1"), image.pushRequest(), TransferListener.NONE));

      assertTrue(RegistryLogin.logout(config, registry.host()));
      RegistryClient afterLogout = RegistryClients.create(RegistryRoundTripIT.testOptions()
          .withCredentials(CredentialStores.fromEnvironment(Map.of("DOCKER_CONFIG", dockerDir.toString()))));
      assertThrows(RegistryException.class, () -> afterLogout.resolve(registry.ref("mine:1"), null));
    }
  }

  @Test
  void bearerTokenFlow() throws Exception {
    TestPki pki = TestPki.create("token-ca");
    try (TokenServer tokens = TokenServer.start(pki).user("bob", "b0b-pw").refreshToken("rt-123", "bob")
        .anonymousPull(true);
        RegistryServer registry = RegistryServer.builder().tokenAuth(tokens).start()) {
      TestImages.Image image = TestImages.random(23, 800, 90_000);
      RegistryClient bob = client(registry.host(), Credentials.basic("bob", "b0b-pw"));
      assertEquals(image.digest(), bob.push(registry.ref("tok:1"), image.pushRequest(), TransferListener.NONE));
      int afterFirst = tokens.requests();
      assertTrue(afterFirst <= 2, "tokens are cached per scope: " + afterFirst);
      bob.push(registry.ref("tok:1"), image.pushRequest(), TransferListener.NONE);
      assertEquals(afterFirst, tokens.requests(), "second push reuses the cached token");

      RegistryClient anonymous = client(registry.host(), null);
      assertEquals(image.digest(), anonymous.pull(registry.ref("tok:1"), null,
          ContentSinks.ociLayout(tmp.resolve("anon")), TransferListener.NONE).manifestDigest());
      RegistryException denied = assertThrows(RegistryException.class,
          () -> anonymous.push(registry.ref("tok:2"), TestImages.random(24, 10).pushRequest(), TransferListener.NONE));
      assertEquals(401, denied.status(), denied.getMessage());

      RegistryClient refresh = client(registry.host(), new Credentials("", null, "rt-123"));
      TestImages.Image other = TestImages.random(25, 700);
      assertEquals(other.digest(), refresh.push(registry.ref("tok:3"), other.pushRequest(), TransferListener.NONE));

      RegistryClient wrong = client(registry.host(), Credentials.basic("bob", "bad-pw"));
      RegistryException e = assertThrows(RegistryException.class, () -> wrong.resolve(registry.ref("tok:1"), null));
      assertEquals("UNAUTHORIZED", e.code().orElse(""));
      assertFalse(e.getMessage().contains("bad-pw"));
      assertTrue(e.getMessage().contains("authenticating to " + registry.host()), e.getMessage());
      wrong.checkLogin(registry.host(), Credentials.basic("bob", "b0b-pw"));
      assertThrows(RegistryException.class, () -> wrong.checkLogin(registry.host(), Credentials.basic("bob", "x")));
    }
  }
}
