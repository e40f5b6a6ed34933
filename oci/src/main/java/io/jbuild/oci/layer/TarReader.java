package io.jbuild.oci.layer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads ustar, PAX and GNU tar streams header by header. Each entry's content is exposed as a bounded stream of
 * exactly its declared size; a stream that ends early is an {@link EOFException} naming the entry, so a truncated
 * layer can never be mistaken for a complete one. Extended headers are capped at {@value #MAX_META} bytes.
 */
final class TarReader {
  static final int MAX_META = 16 << 20;
  private final InputStream in;
  private final byte[] block = new byte[TarWriter.BLOCK];
  private TarHeader current;
  private long remaining;
  private long padding;
  private boolean done;

  TarReader(InputStream in) {
    this.in = in;
  }

  /** The next header, or {@code null} at the end of the archive. Skips the rest of the previous entry. */
  TarHeader next() throws IOException {
    skipRest();
    if (done) {
      return null;
    }
    Map<String, byte[]> pax = new HashMap<>();
    String gnuName = null;
    String gnuLink = null;
    while (true) {
      int n = in.readNBytes(block, 0, TarWriter.BLOCK);
      if (n == 0) {
        done = true;
        return null;
      }
      if (n < TarWriter.BLOCK) {
        throw new EOFException("truncated tar stream: partial header");
      }
      if (isZero(block)) {
        done = true;
        return null;
      }
      verifyChecksum();
      char flag = (char) (block[156] & 0xff);
      long size = number(148 - 24, 12);
      switch (flag) {
        case 'x', 'g' -> {
          byte[] data = readMeta(size, "PAX header");
          if (flag == 'x') {
            parsePax(data, pax);
          }
        }
        case 'L' -> gnuName = cString(readMeta(size, "GNU long name"));
        case 'K' -> gnuLink = cString(readMeta(size, "GNU long link name"));
        default -> {
          current = header(flag, size, pax, gnuName, gnuLink);
          boolean hasData = current.isRegular() || flag == 'S';
          remaining = hasData ? current.size() : 0;
          padding = hasData ? (TarWriter.BLOCK - current.size() % TarWriter.BLOCK) % TarWriter.BLOCK : 0;
          return current;
        }
      }
    }
  }

  /** The content of the current entry: at most its declared size; ends early only with an {@link EOFException}. */
  InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new EOFException("truncated tar stream: entry \"" + current.name() + "\" ends "
              + remaining + " bytes before its declared size " + current.size());
        }
        remaining -= n;
        return n;
      }
    };
  }

  private void skipRest() throws IOException {
    InputStream c = content();
    byte[] buf = new byte[8192];
    while (remaining > 0) {
      c.read(buf, 0, (int) Math.min(buf.length, remaining));
    }
    if (padding > 0) {
      long n = in.readNBytes(new byte[(int) padding], 0, (int) padding);
      if (n < padding) {
        throw new EOFException("truncated tar stream: padding after \"" + current.name() + "\"");
      }
      padding = 0;
    }
  }

  private TarHeader header(char flag, long size, Map<String, byte[]> pax, String gnuName, String gnuLink)
      throws IOException {
    String name = string(0, 100);
    boolean ustar = block[257] == 'u' && block[258] == 's' && block[259] == 't' && block[260] == 'a'
        && block[261] == 'r';
    if (ustar && block[263] == '0' && block[345] != 0) {
      name = string(345, 155) + "/" + name;
    }
    if (gnuName != null) {
      name = gnuName;
    }
    String link = gnuLink != null ? gnuLink : string(157, 100);
    long mode = number(100, 8);
    long uid = number(108, 8);
    long gid = number(116, 8);
    Instant mtime = Instant.ofEpochSecond(number(136, 12));
    String uname = ustar ? string(265, 32) : "";
    String gname = ustar ? string(297, 32) : "";
    long major = ustar && (flag == '3' || flag == '4') ? number(329, 8) : 0;
    long minor = ustar && (flag == '3' || flag == '4') ? number(337, 8) : 0;
    Map<String, byte[]> xattrs = new TreeMap<>();
    boolean sparse = flag == 'S';
    for (Map.Entry<String, byte[]> e : pax.entrySet()) {
      String key = e.getKey();
      String value = new String(e.getValue(), StandardCharsets.UTF_8);
      try {
        switch (key) {
          case "path" -> name = value;
          case "linkpath" -> link = value;
          case "size" -> size = Long.parseLong(value);
          case "uid" -> uid = Long.parseLong(value);
          case "gid" -> gid = Long.parseLong(value);
          case "uname" -> uname = value;
          case "gname" -> gname = value;
          case "mtime" -> mtime = paxTime(value);
          default -> {
            if (key.startsWith("SCHILY.xattr.")) {
              xattrs.put(key.substring("SCHILY.xattr.".length()), e.getValue());
            } else if (key.startsWith("GNU.sparse.")) {
              sparse = true;
            }
          }
        }
      } catch (NumberFormatException | java.time.DateTimeException ex) {
        throw new IOException("entry \"" + name + "\": invalid PAX record " + key + "=" + value);
      }
    }
    if (size < 0) {
      throw new IOException("entry \"" + name + "\": negative size");
    }
    return new TarHeader(name, flag, mode, uid, gid, uname, gname, mtime, size, link, major, minor,
        Collections.unmodifiableMap(xattrs), sparse);
  }

  private static Instant paxTime(String value) {
    int dot = value.indexOf('.');
    if (dot < 0) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    long seconds = Long.parseLong(value.substring(0, dot));
    String frac = (value.substring(dot + 1) + "000000000").substring(0, 9);
    long nanos = Long.parseLong(frac);
    return value.startsWith("-") ? Instant.ofEpochSecond(seconds, -nanos) : Instant.ofEpochSecond(seconds, nanos);
  }

  private byte[] readMeta(long size, String what) throws IOException {
    if (size > MAX_META) {
      throw new IOException("tar " + what + " of " + size + " bytes is larger than " + MAX_META);
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException("truncated tar stream: " + what);
    }
    int pad = (int) ((TarWriter.BLOCK - size % TarWriter.BLOCK) % TarWriter.BLOCK);
    if (in.readNBytes(pad).length < pad) {
      throw new EOFException("truncated tar stream: " + what);
    }
    return data;
  }

  private static void parsePax(byte[] data, Map<String, byte[]> pax) throws IOException {
    int pos = 0;
    while (pos < data.length) {
      if (data[pos] == 0) {
        break;
      }
      int space = pos;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      int length;
      try {
        length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IOException("invalid PAX header: bad record length");
      }
      int end = pos + length;
      if (length <= 0 || end > data.length || data[end - 1] != '\n') {
        throw new IOException("invalid PAX header: bad record length");
      }
      int eq = space + 1;
      while (eq < end && data[eq] != '=') {
        eq++;
      }
      if (eq >= end) {
        throw new IOException("invalid PAX header: record without '='");
      }
      String key = new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8);
      byte[] value = java.util.Arrays.copyOfRange(data, eq + 1, end - 1);
      pax.put(key, value);
      pos = end;
    }
  }

  private void verifyChecksum() throws IOException {
    long stored;
    try {
      stored = number(148, 8);
    } catch (IOException e) {
      stored = -1;
    }
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < TarWriter.BLOCK; i++) {
      int b = (i >= 148 && i < 156) ? ' ' : block[i];
      unsigned += b & 0xff;
      signed += (i >= 148 && i < 156) ? ' ' : block[i];
    }
    if (stored != unsigned && stored != signed) {
      throw new IOException("invalid tar header: checksum mismatch (not a tar stream?)");
    }
  }

  private long number(int offset, int length) throws IOException {
    if ((block[offset] & 0x80) != 0) {
      if ((block[offset] & 0x40) != 0) {
        throw new IOException("invalid tar header: negative base-256 number");
      }
      long v = block[offset] & 0x3f;
      for (int i = 1; i < length; i++) {
        if (v > (Long.MAX_VALUE >> 8)) {
          throw new IOException("invalid tar header: number too large");
        }
        v = (v << 8) | (block[offset + i] & 0xff);
      }
      return v;
    }
    long v = 0;
    int i = offset;
    int end = offset + length;
    while (i < end && (block[i] == ' ' || block[i] == 0)) {
      i++;
    }
    for (; i < end && block[i] != 0 && block[i] != ' '; i++) {
      int d = block[i] - '0';
      if (d < 0 || d > 7) {
        throw new IOException("invalid tar header: bad octal number");
      }
      v = v * 8 + d;
    }
    return v;
  }

  private String string(int offset, int length) {
    int end = offset;
    while (end < offset + length && block[end] != 0) {
      end++;
    }
    return new String(block, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String cString(byte[] data) {
    int end = data.length;
    while (end > 0 && data[end - 1] == 0) {
      end--;
    }
    return new String(data, 0, end, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
