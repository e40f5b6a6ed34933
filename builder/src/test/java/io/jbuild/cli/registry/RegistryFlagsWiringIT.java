package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry flags reach every registry-facing command: against an HTTPS registry whose CA only
 * {@code --registry-ca} or {@code --certs-dir} names, {@code build --push}, {@code push}, {@code pull}
 * and {@code inspect --remote} succeed with the flag and exit 3 without it.
 */
class RegistryFlagsWiringIT {
  @TempDir Path tmp;

  @BeforeAll
  static void check() {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
  }

  @Test
  void everyRegistryCommandHonoursTheTlsFlags() throws Exception {
    TestPki pki = TestPki.create("wiring-ca");
    try (RegistryServer registry = RegistryServer.builder().tls(pki).start()) {
      String host = registry.host();
      Path ca = tmp.resolve("ca.pem");
      pki.writeCa(ca);
      String empty = Files.createDirectories(tmp.resolve("empty")).toString();
      Path certsD = tmp.resolve("certs.d");
      pki.writeCa(certsD.resolve(host).resolve("ca.crt"));
      Jbuild user = Jbuild.in(tmp.resolve("u"));

      Fixtures.assertError(user.run("-q", "--certs-dir", empty, "-t", host + "/w/hello:1", "--push",
          Fixtures.hello().toString()), 3, "");
      Jbuild.Result built = user.run("-q", "--certs-dir", empty, "--registry-ca", ca.toString(),
          "-t", host + "/w/hello:1", "--push", Fixtures.hello().toString());
      assertEquals(0, built.exit(), built.toString());
      String digest = built.stdout().trim();

      Fixtures.assertError(user.run("push", "--certs-dir", empty, host + "/w/hello:1", host + "/w/copy:1"), 3, "");
      Jbuild.Result pushed = user.run("push", "--certs-dir", certsD.toString(), host + "/w/hello:1",
          host + "/w/copy:1");
      assertEquals(0, pushed.exit(), pushed.toString());
      assertEquals(digest, pushed.stdout().trim());

      Jbuild fresh = Jbuild.in(tmp.resolve("fresh"));
      Fixtures.assertError(fresh.run("pull", "--certs-dir", empty, host + "/w/copy:1"), 3, "");
      Jbuild.Result pulled = fresh.run("pull", "--certs-dir", empty, "--registry-ca", ca.toString(),
          host + "/w/copy:1");
      assertEquals(0, pulled.exit(), pulled.toString());
      assertEquals(digest, pulled.stdout().trim());

      Fixtures.assertOneLineError(fresh.run("inspect", "--remote", "--certs-dir", empty, host + "/w/copy:1"), 3, "");
      Jbuild.Result inspected = fresh.run("inspect", "--remote", "--certs-dir", certsD.toString(),
          "--platform", "linux/amd64", host + "/w/copy:1");
      assertEquals(0, inspected.exit(), inspected.toString());
      assertEquals(digest, Fixtures.JSON.readTree(inspected.stdout()).get("digest").asText());

      Fixtures.assertUsageError(fresh.run("pull", "--insecure-registry", "host:0", host + "/w/copy:1"),
          "invalid --insecure-registry \"host:0\"");
    }
  }
}
