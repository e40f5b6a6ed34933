package io.jbuild.registry.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.registry.testing.TestPki;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
  @TempDir
  Path tmp;

  private static String pkcs8(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void readsPkcs8AndPkcs1Rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    PrivateKey rsa = g.generateKeyPair().getPrivate();
    assertArrayEquals(rsa.getEncoded(), PemKeys.parse(pkcs8(rsa)).getEncoded());
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(rsa);
    }
    assertTrue(w.toString().contains("BEGIN RSA PRIVATE KEY"), w.toString());
    PrivateKey parsed = PemKeys.parse("some text before\n" + w);
    assertEquals("RSA", parsed.getAlgorithm());
    assertArrayEquals(rsa.getEncoded(), parsed.getEncoded());
  }

  @Test
  void readsPkcs8AndSec1Ec() throws Exception {
    for (String curve : new String[] {"secp256r1", "secp384r1"}) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      KeyPair kp = g.generateKeyPair();
      assertArrayEquals(kp.getPrivate().getEncoded(), PemKeys.parse(pkcs8(kp.getPrivate())).getEncoded());
      Path file = tmp.resolve(curve + ".key");
      TestPki.writeSec1(file, kp);
      assertTrue(Files.readString(file).contains("BEGIN EC PRIVATE KEY"));
      PrivateKey parsed = PemKeys.read(file);
      assertEquals("EC", parsed.getAlgorithm());
      assertEquals(((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS(),
          ((java.security.interfaces.ECPrivateKey) parsed).getS());
    }
  }

  @Test
  void readsEd25519() throws Exception {
    PrivateKey ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    assertEquals("EdDSA", PemKeys.parse(pkcs8(ed)).getAlgorithm());
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertEquals("no PEM private key found",
        assertThrows(IOException.class, () -> PemKeys.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).getMessage());
    assertEquals("encrypted private keys are not supported", assertThrows(IOException.class,
        () -> PemKeys.parse("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----")).getMessage());
    assertThrows(IOException.class,
        () -> PemKeys.parse("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"));
    assertThrows(IOException.class,
        () -> PemKeys.parse("-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----"));
  }
}
