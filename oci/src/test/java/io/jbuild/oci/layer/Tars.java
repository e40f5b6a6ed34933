package io.jbuild.oci.layer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Hand-crafted tar streams, including malicious ones the {@link LayerWriter} would never produce. */
final class Tars {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final TarWriter tar = new TarWriter(out);

  Tars file(String name, String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return entry(name, '0', 0644, b.length, "", new ByteArrayInputStream(b));
  }

  Tars dir(String name) {
    return entry(name, '5', 0755, 0, "", InputStream.nullInputStream());
  }

  Tars symlink(String name, String target) {
    return entry(name, '2', 0777, 0, target, InputStream.nullInputStream());
  }

  Tars hardlink(String name, String target) {
    return entry(name, '1', 0644, 0, target, InputStream.nullInputStream());
  }

  Tars entry(String name, char flag, int mode, long size, String link, InputStream content) {
    try {
      tar.write(name, flag, mode, 0, 0, "", "", 1_600_000_000L, size, link, 0, 0, Map.of(), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A regular file header claiming {@code declared} bytes followed by only {@code present} bytes, then EOF. */
  Tars truncatedFile(String name, long declared, int present) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    try {
      new TarWriter(header).write(name, '0', 0644, 0, 0, "", "", 0, 0, "", 0, 0, Map.of(),
          InputStream.nullInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] h = header.toByteArray();
    String size = String.format("%011o", declared);
    for (int i = 0; i < 11; i++) {
      h[124 + i] = (byte) size.charAt(i);
    }
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    String ck = String.format("%06o", sum);
    for (int i = 0; i < 6; i++) {
      h[148 + i] = (byte) ck.charAt(i);
    }
    h[154] = 0;
    out.writeBytes(h);
    out.writeBytes(new byte[present]);
    return this;
  }

  /** The tar without the end-of-archive blocks. */
  byte[] open() {
    return out.toByteArray();
  }

  byte[] bytes() {
    try {
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
