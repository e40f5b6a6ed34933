package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbuild.registry.testing.RegistryServer;
import io.jbuild.registry.testing.TestImages;
import io.jbuild.registry.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS registries: CA from certs.d or --registry-ca, client certificates, no silent HTTP fallback. */
class TlsIT {
  @TempDir
  Path tmp;

  @BeforeAll
  static void check() {
    assumeTrue(RegistryServer.available(), "docker-registry not installed");
  }

  @Test
  void trustsTheCaFromCertsDirAndRefusesWithoutIt() throws Exception {
    TestPki pki = TestPki.create("registry-ca");
    try (RegistryServer registry = RegistryServer.builder().tls(pki).start()) {
      Path certsD = tmp.resolve("certs.d");
      pki.writeCa(certsD.resolve(registry.host()).resolve("ca.crt"));
      RegistryClient client = RegistryClients.create(RegistryRoundTripIT.testOptions().withCertsDir(certsD));
      TestImages.Image image = TestImages.random(31, 1000, 80_000);
      assertEquals(image.digest(), client.push(registry.ref("secure:1"), image.pushRequest(), TransferListener.NONE));
      assertEquals(image.digest(), client.resolve(registry.ref("secure:1"), null).manifestDigest());

      RegistryClient untrusting = RegistryClients.create(RegistryRoundTripIT.testOptions()
          .withCertsDir(tmp.resolve("empty")));
      RegistryException e = assertThrows(RegistryException.class,
          () -> untrusting.resolve(registry.ref("secure:1"), null));
      assertTrue(e.getMessage().contains("PKIX") || e.getMessage().contains("certificate"), e.getMessage());

      Path ca = tmp.resolve("explicit-ca.pem");
      pki.writeCa(ca);
      RegistryClient explicit = RegistryClients.create(RegistryRoundTripIT.testOptions()
          .withCertsDir(null).withExtraCas(List.of(ca)));
      assertEquals(image.digest(), explicit.resolve(registry.ref("secure:1"), null).manifestDigest());
    }
  }

  @Test
  void presentsClientCertificateFromCertsDir() throws Exception {
    TestPki pki = TestPki.create("mtls-ca");
    try (RegistryServer registry = RegistryServer.builder().tls(pki).requireClientCertificates().start()) {
      Path dir = tmp.resolve("certs.d").resolve(registry.host());
      pki.writeCa(dir.resolve("ca.crt"));
      RegistryClient withoutCert = RegistryClients.create(RegistryRoundTripIT.testOptions()
          .withCertsDir(tmp.resolve("certs.d")));
      assertThrows(RegistryException.class, () -> withoutCert.resolve(registry.ref("m:1"), null));

      pki.client("jbuild-client").write(dir.resolve("client.cert"), dir.resolve("client.key"));
      assertTrue(Files.readString(dir.resolve("client.key")).contains("BEGIN EC PRIVATE KEY"));
      RegistryClient withCert = RegistryClients.create(RegistryRoundTripIT.testOptions()
          .withCertsDir(tmp.resolve("certs.d")));
      TestImages.Image image = TestImages.random(32, 500);
      assertEquals(image.digest(), withCert.push(registry.ref("m:1"), image.pushRequest(), TransferListener.NONE));
    }
  }
}
