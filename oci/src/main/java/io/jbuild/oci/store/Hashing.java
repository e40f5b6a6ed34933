package io.jbuild.oci.store;

import io.jbuild.oci.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Maps digest algorithms to JDK message digests. */
final class Hashing {
  private Hashing() {}

  static MessageDigest newDigest(String algorithm) {
    try {
      return switch (algorithm) {
        case "sha256" -> MessageDigest.getInstance("SHA-256");
        case "sha512" -> MessageDigest.getInstance("SHA-512");
        default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
      };
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " missing from the JDK", e);
    }
  }

  static Digest finish(String algorithm, MessageDigest md) {
    return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
  }
}
