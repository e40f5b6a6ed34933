package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.registry.auth.Credentials;
import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jbuild login}/{@code logout} against the real registry with htpasswd auth: refused logins exit 3
 * with the registry's code on one line and store nothing; accepted ones write {@code config.json} 0600
 * under {@code $DOCKER_CONFIG}, which later commands use; secrets never show up in any output.
 */
class LoginIT {
  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret-Pa55-K";
  private static final String WRONG = "wr0ng-Guess-K";

  @TempDir Path tmp;

  @BeforeAll
  static void check() {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
  }

  private static void assertNoSecret(Jbuild.Result r) {
    for (String secret : new String[] {PASSWORD, WRONG, Credentials.basic(USER, PASSWORD).authField(),
        Credentials.basic(USER, WRONG).authField()}) {
      assertFalse(r.all().contains(secret), "secret in output:\n" + r);
    }
  }

  @Test
  void loginVerifiesStoresAndLogoutRemoves() throws Exception {
    try (RegistryServer registry = RegistryServer.builder().user(USER, PASSWORD).start()) {
      String host = registry.host();
      Jbuild user = Jbuild.in(tmp.resolve("u"));

      Jbuild.Result bad = user.runWithInput(WRONG + "\n", "login", "-u", USER, "--password-stdin", host);
      Fixtures.assertOneLineError(bad, 3, "logging in to " + host + ": ", "UNAUTHORIZED");
      assertNoSecret(bad);
      assertFalse(Files.exists(user.dockerConfigFile()), "nothing stored after a refused login");

      Jbuild.Result badFlag = user.run("login", "-u", USER, "-p", WRONG, host);
      Fixtures.assertError(badFlag, 3, "logging in to " + host + ": ", "UNAUTHORIZED");
      assertTrue(badFlag.stderr().startsWith(
          "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"), badFlag.toString());
      assertNoSecret(badFlag);

      Jbuild.Result good = user.runWithInput(PASSWORD + "\r\n", "login", "--username", USER, "--password-stdin",
          "http://" + host + "/");
      assertEquals(0, good.exit(), good.toString());
      assertEquals("Login Succeeded\n", good.stdout());
      assertNoSecret(good);
      Path config = user.dockerConfigFile();
      assertTrue(good.stderr().startsWith("WARNING! Your password is stored unencrypted in " + config),
          good.toString());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
      JsonNode auths = Fixtures.JSON.readTree(config.toFile()).get("auths");
      assertEquals(Credentials.basic(USER, PASSWORD).authField(), auths.path(host).path("auth").asText(),
          "the password without the line break, under the bare host: " + auths);

      // later commands use the stored credentials
      Jbuild.Result pushed = user.run("-q", "-t", host + "/private/hello:1", "--push", Fixtures.hello().toString());
      assertEquals(0, pushed.exit(), pushed.toString());
      Jbuild stranger = Jbuild.in(tmp.resolve("stranger"));
      Jbuild.Result refused = stranger.run("inspect", "--remote", host + "/private/hello:1");
      Fixtures.assertOneLineError(refused, 3, "", "UNAUTHORIZED");
      Jbuild.Result inspected = user.run("inspect", "--remote", host + "/private/hello:1");
      assertEquals(0, inspected.exit(), inspected.toString());
      assertEquals(pushed.stdout().trim(), Fixtures.JSON.readTree(inspected.stdout()).get("digest").asText());

      // a bare login reuses valid stored credentials without asking
      Jbuild.Result again = user.run("login", host);
      assertEquals(0, again.exit(), again.toString());
      assertEquals("Login Succeeded\n", again.stdout());

      Jbuild.Result logout = user.run("logout", host);
      assertEquals(0, logout.exit(), logout.toString());
      assertEquals("Removing login credentials for " + host + "\n", logout.stdout());
      assertFalse(Fixtures.JSON.readTree(config.toFile()).path("auths").has(host));
      Jbuild.Result second = user.run("logout", host);
      assertEquals("Not logged in to " + host + "\n", second.stdout(), second.toString());
      Fixtures.assertOneLineError(user.run("inspect", "--remote", host + "/private/hello:1"), 3, "", "UNAUTHORIZED");
    }
  }

  @Test
  void credentialHelperTakesTheSecretInsteadOfConfigJson() throws Exception {
    try (RegistryServer registry = RegistryServer.builder().user(USER, PASSWORD).start()) {
      String host = registry.host();
      Path bin = Files.createDirectories(tmp.resolve("bin"));
      Path vault = tmp.resolve("vault.json");
      Path helper = bin.resolve("docker-credential-testvault");
      // the docker-credential-helpers protocol for one server: store/get/erase through a file
      Files.writeString(helper, "#!/bin/sh\n"
          + "case \"$1\" in\n"
          + "  store) cat > '" + vault + "' ;;\n"
          + "  get) cat > /dev/null; if [ -f '" + vault + "' ]; then cat '" + vault + "'; "
          + "else echo 'credentials not found in native keychain'; exit 1; fi ;;\n"
          + "  erase) cat > /dev/null; rm -f '" + vault + "' ;;\n"
          + "esac\n");
      Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
      Jbuild user = Jbuild.in(tmp.resolve("u")).withEnv("PATH", bin + ":" + System.getenv("PATH"));
      Files.createDirectories(user.dockerConfigFile().getParent());
      Files.writeString(user.dockerConfigFile(), "{\"credsStore\": \"testvault\", \"experimental\": \"kept\"}");

      Jbuild.Result login = user.runWithInput(PASSWORD, "login", "-u", USER, "--password-stdin", host);
      assertEquals(0, login.exit(), login.toString());
      assertEquals("", login.stderr(), "no plain-text warning with a helper");
      assertNoSecret(login);
      String config = Files.readString(user.dockerConfigFile());
      assertFalse(config.contains(Credentials.basic(USER, PASSWORD).authField()), config);
      assertFalse(config.contains(PASSWORD), config);
      assertEquals("kept", Fixtures.JSON.readTree(config).path("experimental").asText(), config);
      JsonNode stored = Fixtures.JSON.readTree(vault.toFile());
      assertEquals(host, stored.path("ServerURL").asText());
      assertEquals(PASSWORD, stored.path("Secret").asText());

      Jbuild.Result pushed = user.run("-q", "-t", host + "/vault/hello:1", "--push", Fixtures.hello().toString());
      assertEquals(0, pushed.exit(), "the helper's credentials serve later commands:\n" + pushed);

      assertEquals("Removing login credentials for " + host + "\n", user.run("logout", host).stdout());
      assertFalse(Files.exists(vault), "logout erased the helper's entry");
    }
  }

  @Test
  void usageErrorsExitTwoAndNeverPrompt() throws Exception {
    Jbuild user = Jbuild.in(tmp.resolve("u"));
    Fixtures.assertUsageError(
        user.runWithInput("x\n", "login", "-p", "x", "--password-stdin", "-u", "a", "127.0.0.1:1"),
        "--password and --password-stdin are mutually exclusive");
    Fixtures.assertUsageError(user.runWithInput("x\n", "login", "--password-stdin", "127.0.0.1:1"),
        "--password-stdin needs --username");
    Fixtures.assertUsageError(user.run("login", "-u", "a", "127.0.0.1:1"),
        "cannot perform an interactive login without a terminal");
    Fixtures.assertUsageError(user.runWithInput("", "login", "-u", "a", "--password-stdin", "127.0.0.1:1"),
        "a password is required");
    assertFalse(Files.exists(user.dockerConfigFile()));
  }

  @Test
  void tlsRegistryNeedsItsCaThroughRegistryCaOrCertsDir() throws Exception {
    TestPki pki = TestPki.create("login-ca");
    try (RegistryServer registry = RegistryServer.builder().tls(pki).user(USER, PASSWORD).start()) {
      String host = registry.host();
      Jbuild user = Jbuild.in(tmp.resolve("u"));
      Path empty = Files.createDirectories(tmp.resolve("empty-certs.d"));
      Jbuild.Result untrusted = user.runWithInput(PASSWORD + "\n", "login", "--certs-dir", empty.toString(),
          "-u", USER, "--password-stdin", host);
      Fixtures.assertOneLineError(untrusted, 3, "logging in to " + host + ": ");
      assertNoSecret(untrusted);
      assertFalse(Files.exists(user.dockerConfigFile()));

      Path ca = tmp.resolve("ca.pem");
      pki.writeCa(ca);
      Jbuild.Result withCa = user.runWithInput(PASSWORD + "\n", "login", "--certs-dir", empty.toString(),
          "--registry-ca", ca.toString(), "-u", USER, "--password-stdin", host);
      assertEquals(0, withCa.exit(), withCa.toString());

      Path certsD = tmp.resolve("certs.d");
      pki.writeCa(certsD.resolve(host).resolve("ca.crt"));
      Jbuild.Result viaCertsDir = user.runWithInput(PASSWORD + "\n", "login", "--certs-dir", certsD.toString(),
          "-u", USER, "--password-stdin", host);
      assertEquals(0, viaCertsDir.exit(), viaCertsDir.toString());
      assertEquals("Login Succeeded\n", viaCertsDir.stdout());
    }
  }
}
