package io.jbuild.registry.testing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority (EC P-256, made with Bouncy Castle) issuing server certificates
 * for {@code 127.0.0.1}/{@code localhost} and client certificates, written as PEM files.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final KeyPair caKey;
  private final X509Certificate caCert;

  private TestPki(KeyPair caKey, X509Certificate caCert) {
    this.caKey = caKey;
    this.caCert = caCert;
  }

  /** A certificate and its key. */
  public record Issued(X509Certificate certificate, KeyPair keys) {
    /** Writes {@code cert} (PEM certificate) and {@code key} (SEC1 {@code EC PRIVATE KEY} with named curve). */
    public void write(Path cert, Path key) throws IOException {
      writePem(cert, certificate);
      writeSec1(key, keys);
    }

    /** Writes the key as PKCS#8 {@code PRIVATE KEY}. */
    public void writePkcs8Key(Path key) throws IOException {
      writePemObject(key, new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded()));
    }
  }

  /** A new CA named {@code cn}. */
  public static TestPki create(String cn) {
    try {
      KeyPair ca = ecKeys();
      X500Name name = new X500Name("CN=" + cn);
      X509v3CertificateBuilder b = builder(name, name, ca);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new TestPki(ca, sign(b, ca));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("creating test CA", e);
    }
  }

  public X509Certificate caCertificate() {
    return caCert;
  }

  /** Writes the CA certificate as PEM. */
  public void writeCa(Path file) throws IOException {
    writePem(file, caCert);
  }

  /** A server certificate for {@code 127.0.0.1}, {@code ::1} and {@code localhost}. */
  public Issued server() {
    return issue("localhost", true);
  }

  /** A client certificate named {@code cn}. */
  public Issued client(String cn) {
    return issue(cn, false);
  }

  /** A key pair and certificate for signing tokens (digitalSignature). */
  public Issued signer(String cn) {
    return issue(cn, false);
  }

  private Issued issue(String cn, boolean server) {
    try {
      KeyPair keys = ecKeys();
      X509v3CertificateBuilder b = builder(new X500Name(caCert.getSubjectX500Principal().getName()),
          new X500Name("CN=" + cn), keys);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (server) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1"),
            new GeneralName(GeneralName.dNSName, "localhost")}));
      } else {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      }
      return new Issued(sign(b, caKey), keys);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("issuing test certificate", e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
    try {
      ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(s));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  /** Writes an EC key pair as SEC1 ({@code EC PRIVATE KEY}) including curve OID and public key. */
  public static void writeSec1(Path file, KeyPair keys) throws IOException {
    java.security.interfaces.ECPrivateKey priv = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(priv.getEncoded());
    ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    ECPrivateKey sec1 = new ECPrivateKey(priv.getParams().getOrder().bitLength(), priv.getS(),
        spki.getPublicKeyData(), curve);
    writePemObject(file, new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
  }

  static void writePemObject(Path file, PemObject object) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file); PemWriter pem = new PemWriter(w)) {
      pem.writeObject(object);
    }
  }

  /** Writes any BC-encodable object (certificate, key) as PEM. */
  public static void writePem(Path file, Object value) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(value);
    }
  }
}
