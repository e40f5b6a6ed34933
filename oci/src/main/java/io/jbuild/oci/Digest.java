package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as defined by the OCI image spec ("descriptor.md#digests"): {@code algorithm:encoded}.
 * Only {@code sha256} (64 lower-case hex characters) and {@code sha512} (128) are accepted, which also
 * guarantees that {@link #hex()} is safe to use as a file name.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  public Digest {
    if (algorithm == null || hex == null) {
      throw new IllegalArgumentException("invalid digest: null");
    }
    boolean ok = switch (algorithm) {
      case "sha256" -> SHA256.matcher(hex).matches();
      case "sha512" -> SHA512.matcher(hex).matches();
      default -> false;
    };
    if (!ok) {
      throw new IllegalArgumentException("invalid digest: " + algorithm + ":" + hex);
    }
  }

  /** Parses {@code sha256:<64 hex>}; throws {@link IllegalArgumentException} with the input on error. */
  @JsonCreator
  public static Digest parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid digest: null");
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("invalid digest: " + text);
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The SHA-256 digest of the given bytes. */
  public static Digest sha256(byte[] bytes) {
    return ofSha256(newSha256().digest(bytes));
  }

  /** Wraps a raw 32-byte SHA-256 result. */
  public static Digest ofSha256(byte[] raw) {
    return new Digest("sha256", HexFormat.of().formatHex(raw));
  }

  /** Wraps a raw result of {@code algorithm} ({@code sha256} or {@code sha512}). */
  public static Digest of(String algorithm, byte[] raw) {
    return new Digest(algorithm, HexFormat.of().formatHex(raw));
  }

  /**
   * A fresh {@link MessageDigest} for an OCI algorithm name.
   *
   * @throws IllegalArgumentException for an algorithm other than {@code sha256} and {@code sha512}
   */
  public static MessageDigest newMessageDigest(String algorithm) {
    String jdk = switch (algorithm) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
    };
    try {
      return MessageDigest.getInstance(jdk);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jdk + " missing from the JDK", e);
    }
  }

  /** A fresh SHA-256 {@link MessageDigest}. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The first 12 hex characters, as Docker shows short ids. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @JsonValue
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }
}
