package io.jbuild.oci.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes POSIX.1-2001 (PAX) tar entries: a ustar header, preceded by a PAX extended header holding whatever the
 * ustar fields cannot (long or non-ASCII names and link names, large sizes and ids, times outside the octal range,
 * {@code SCHILY.xattr.*}). Output depends only on the values written (no host data), so it is reproducible.
 */
final class TarWriter {
  static final int BLOCK = 512;
  private static final byte[] ZEROS = new byte[BLOCK];
  private static final long MAX_OCTAL_7 = 07777777L;
  private static final long MAX_OCTAL_11 = 077777777777L;

  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];

  TarWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Writes one entry. {@code content} supplies exactly {@code size} bytes for regular files (checked: a source that
   * is shorter or longer is an error naming the entry).
   */
  void write(String name, char typeFlag, int mode, long uid, long gid, String uname, String gname,
      long mtimeSeconds, long size, String linkName, long devMajor, long devMinor, Map<String, byte[]> xattrs,
      InputStream content) throws IOException {
    Map<String, byte[]> pax = new TreeMap<>();
    byte[] header = new byte[BLOCK];
    putString(header, 0, 100, name, "path", pax);
    putOctal(header, 100, 8, mode);
    putNumber(header, 108, 8, uid, MAX_OCTAL_7, "uid", pax);
    putNumber(header, 116, 8, gid, MAX_OCTAL_7, "gid", pax);
    putNumber(header, 124, 12, size, MAX_OCTAL_11, "size", pax);
    putNumber(header, 136, 12, mtimeSeconds, MAX_OCTAL_11, "mtime", pax);
    header[156] = (byte) typeFlag;
    putString(header, 157, 100, linkName, "linkpath", pax);
    System.arraycopy("ustar\00000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
    putString(header, 265, 32, uname, "uname", pax);
    putString(header, 297, 32, gname, "gname", pax);
    if (devMajor > MAX_OCTAL_7 || devMinor > MAX_OCTAL_7) {
      throw new IOException("entry \"" + name + "\": device number too large for tar");
    }
    if (typeFlag == '3' || typeFlag == '4') {
      putOctal(header, 329, 8, devMajor);
      putOctal(header, 337, 8, devMinor);
    }
    for (Map.Entry<String, byte[]> x : xattrs.entrySet()) {
      pax.put("SCHILY.xattr." + x.getKey(), x.getValue());
    }
    if (!pax.isEmpty()) {
      writePax(name, pax);
    }
    checksum(header);
    out.write(header);
    if (size > 0) {
      copyExactly(name, content, size);
      pad(size);
    }
  }

  /** Writes the two zero blocks that end an archive. */
  void finish() throws IOException {
    out.write(ZEROS);
    out.write(ZEROS);
  }

  private void writePax(String name, Map<String, byte[]> pax) throws IOException {
    java.io.ByteArrayOutputStream records = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : pax.entrySet()) {
      byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
      int body = 1 + key.length + 1 + e.getValue().length + 1; // " key=value\n"
      int length = body + Integer.toString(body).length();
      if (Integer.toString(length).length() != Integer.toString(body).length()) {
        length = body + Integer.toString(length).length();
      }
      records.write(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
      records.write(' ');
      records.write(key);
      records.write('=');
      records.write(e.getValue());
      records.write('\n');
    }
    byte[] data = records.toByteArray();
    String base = name.substring(name.lastIndexOf('/', name.length() - 2) + 1);
    byte[] header = new byte[BLOCK];
    putAscii(header, 0, 100, "PaxHeaders.0/" + base);
    putOctal(header, 100, 8, 0644);
    putOctal(header, 108, 8, 0);
    putOctal(header, 116, 8, 0);
    putOctal(header, 124, 12, data.length);
    putOctal(header, 136, 12, 0);
    header[156] = 'x';
    System.arraycopy("ustar\00000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
    checksum(header);
    out.write(header);
    out.write(data);
    pad(data.length);
  }

  private void copyExactly(String name, InputStream in, long size) throws IOException {
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("entry \"" + name + "\": content is shorter than its declared size " + size);
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    if (in.read() >= 0) {
      throw new IOException("entry \"" + name + "\": content is longer than its declared size " + size);
    }
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(ZEROS, 0, BLOCK - rest);
    }
  }

  private static void putString(byte[] header, int offset, int length, String value, String paxKey,
      Map<String, byte[]> pax) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    boolean ascii = bytes.length == value.length();
    if (ascii && bytes.length <= length) {
      System.arraycopy(bytes, 0, header, offset, bytes.length);
    } else {
      pax.put(paxKey, bytes);
      putAscii(header, offset, length, value);
    }
  }

  /** Writes an ASCII rendering (non-ASCII characters as {@code _}), truncated to the field. */
  private static void putAscii(byte[] header, int offset, int length, String value) {
    for (int i = 0; i < Math.min(length, value.length()); i++) {
      char c = value.charAt(i);
      header[offset + i] = (byte) (c < 0x80 ? c : '_');
    }
  }

  private static void putNumber(byte[] header, int offset, int length, long value, long max, String paxKey,
      Map<String, byte[]> pax) {
    if (value >= 0 && value <= max) {
      putOctal(header, offset, length, value);
    } else {
      pax.put(paxKey, Long.toString(value).getBytes(StandardCharsets.US_ASCII));
      putOctal(header, offset, length, 0);
    }
  }

  private static void putOctal(byte[] header, int offset, int length, long value) {
    String octal = Long.toOctalString(value);
    int digits = length - 1;
    int pad = digits - octal.length();
    for (int i = 0; i < digits; i++) {
      header[offset + i] = (byte) (i < pad ? '0' : octal.charAt(i - pad));
    }
    header[offset + digits] = 0;
  }

  private static void checksum(byte[] header) {
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    String octal = Long.toOctalString(sum);
    String field = "000000".substring(octal.length()) + octal;
    for (int i = 0; i < 6; i++) {
      header[148 + i] = (byte) field.charAt(i);
    }
    header[154] = 0;
    header[155] = ' ';
  }
}
