package io.jbuild.registry.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an unencrypted PEM private key: {@code PRIVATE KEY} (PKCS#8, RSA/EC/Ed25519),
 * {@code RSA PRIVATE KEY} (PKCS#1, RFC 8017 A.1.2) and {@code EC PRIVATE KEY} (SEC1, RFC 5915). PKCS#1
 * and SEC1 keys are re-wrapped into PKCS#8 (RFC 5208) with a minimal DER encoder so the JDK's
 * {@link KeyFactory} can read them. Error messages never include key material.
 */
public final class PemKeys {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final byte[] OID_RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
      0x0d, 0x01, 0x01, 0x01};
  private static final byte[] OID_EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce,
      0x3d, 0x02, 0x01};
  private static final byte[] DER_NULL = {0x05, 0x00};
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

  private PemKeys() {}

  /** Reads the first private key in {@code file}. */
  public static PrivateKey read(Path file) throws IOException {
    try {
      return parse(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IOException("reading private key " + file + ": " + e.getMessage(), null);
    }
  }

  /** Parses the first private key block in PEM {@code text}. */
  public static PrivateKey parse(String text) throws IOException {
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      if (m.group(2).contains("Proc-Type") || type.equals("ENCRYPTED PRIVATE KEY")) {
        throw new IOException("encrypted private keys are not supported");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(m.group(2).trim());
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid base64 in " + type + " block");
      }
      return switch (type) {
        case "PRIVATE KEY" -> fromPkcs8(der, "RSA", "EC", "Ed25519", "Ed448");
        case "RSA PRIVATE KEY" -> fromPkcs8(sequence(VERSION_0, sequence(OID_RSA, DER_NULL),
            tlv(0x04, der)), "RSA");
        case "EC PRIVATE KEY" -> fromPkcs8(sequence(VERSION_0, sequence(OID_EC_PUBLIC_KEY,
            curveOf(der)), tlv(0x04, der)), "EC");
        default -> throw new IOException("unsupported private key type: " + type);
      };
    }
    throw new IOException("no PEM private key found");
  }

  private static PrivateKey fromPkcs8(byte[] der, String... algorithms) throws IOException {
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // try the next algorithm
      }
    }
    throw new IOException("unreadable private key (tried " + String.join(", ", algorithms) + ")");
  }

  /** The named-curve OID (full TLV) from the {@code [0] parameters} of a SEC1 ECPrivateKey. */
  static byte[] curveOf(byte[] sec1) throws IOException {
    Der outer = new Der(sec1, 0);
    if (outer.tag != 0x30) {
      throw new IOException("EC PRIVATE KEY is not a DER sequence");
    }
    int pos = outer.contentStart;
    int end = outer.contentStart + outer.length;
    while (pos < end) {
      Der child = new Der(sec1, pos);
      if (child.tag == 0xa0) {
        Der oid = new Der(sec1, child.contentStart);
        if (oid.tag != 0x06) {
          throw new IOException("EC PRIVATE KEY has no named curve");
        }
        byte[] out = new byte[oid.end() - child.contentStart];
        System.arraycopy(sec1, child.contentStart, out, 0, out.length);
        return out;
      }
      pos = child.end();
    }
    throw new IOException("EC PRIVATE KEY without curve parameters is not supported");
  }

  /** One DER TLV header read at {@code offset}. */
  private static final class Der {
    final int tag;
    final int length;
    final int contentStart;

    Der(byte[] b, int offset) throws IOException {
      if (offset + 2 > b.length) {
        throw new IOException("truncated DER");
      }
      tag = b[offset] & 0xff;
      int len = b[offset + 1] & 0xff;
      int p = offset + 2;
      if (len > 0x80) {
        int n = len & 0x7f;
        if (n > 3 || p + n > b.length) {
          throw new IOException("bad DER length");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (b[p++] & 0xff);
        }
      } else if (len == 0x80) {
        throw new IOException("indefinite DER length");
      }
      if (p + len > b.length) {
        throw new IOException("truncated DER");
      }
      length = len;
      contentStart = p;
    }

    int end() {
      return contentStart + length;
    }
  }

  static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      content.writeBytes(p);
    }
    return tlv(0x30, content.toByteArray());
  }

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
