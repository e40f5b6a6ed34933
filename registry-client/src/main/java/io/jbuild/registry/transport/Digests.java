package io.jbuild.registry.transport;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** {@link MessageDigest}s for OCI digest algorithm names. */
final class Digests {
  private Digests() {}

  static MessageDigest newDigest(String algorithm) throws IOException {
    String jdk = switch (algorithm) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> throw new IOException("unsupported digest algorithm: " + algorithm);
    };
    try {
      return MessageDigest.getInstance(jdk);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jdk + " missing from the JDK", e);
    }
  }
}
