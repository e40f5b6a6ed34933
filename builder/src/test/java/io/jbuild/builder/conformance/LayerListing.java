package io.jbuild.builder.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The timestamp-free listing of one layer tar, identical to {@code layer_lines} of
 * {@code scripts/buildkit-golden}: one tab-separated line per entry, sorted by the UTF-8 bytes of the
 * path: {@code PATH TYPE MODE UID GID SIZE LINK SHA256}. PATH has no leading {@code ./} or {@code /} and
 * no trailing {@code /} (the root is {@code .}); TYPE is {@code f d l h c b p}, or {@code w} for a
 * whiteout ({@code .wh.NAME}, {@code .wh..wh..opq}) whose other fields are all {@code -}; MODE is the
 * permission bits (07777) in octal; SIZE and SHA256 are for regular files ({@code MAJOR,MINOR} for
 * devices), LINK is a symlink's target as stored or a hardlink's normalised target; {@code -} marks an
 * absent field.
 */
final class LayerListing {
  private LayerListing() {}

  /** The listing of an uncompressed tar stream (not closed). */
  static List<String> of(InputStream tar) throws IOException {
    List<String> lines = new ArrayList<>();
    TarArchiveInputStream in = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
    TarArchiveEntry e;
    byte[] buf = new byte[1 << 16];
    while ((e = in.getNextEntry()) != null) {
      String path = normPath(e.getName());
      String base = path.substring(path.lastIndexOf('/') + 1);
      if (base.startsWith(".wh.")) {
        lines.add(String.join("\t", path, "w", "-", "-", "-", "-", "-", "-"));
        continue;
      }
      String type = type(e);
      String size = "-";
      String link = "-";
      String sha = "-";
      if (type.equals("f")) {
        MessageDigest md = sha256();
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
          md.update(buf, 0, r);
          n += r;
        }
        size = Long.toString(n);
        sha = HexFormat.of().formatHex(md.digest());
      } else if (type.equals("l")) {
        link = e.getLinkName();
      } else if (type.equals("h")) {
        link = normPath(e.getLinkName());
      } else if (type.equals("c") || type.equals("b")) {
        size = e.getDevMajor() + "," + e.getDevMinor();
      }
      lines.add(String.join("\t", path, type, Integer.toOctalString(e.getMode() & 07777),
          Long.toString(e.getLongUserId()), Long.toString(e.getLongGroupId()), size, link, sha));
    }
    lines.sort(Comparator.comparing(LayerListing::pathBytes, LayerListing::compareBytes));
    return lines;
  }

  static String normPath(String name) {
    String p = name;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    int start = 0;
    while (start < p.length() && p.charAt(start) == '/') {
      start++;
    }
    int end = p.length();
    while (end > start && p.charAt(end - 1) == '/') {
      end--;
    }
    p = p.substring(start, end);
    return p.isEmpty() ? "." : p;
  }

  private static String type(TarArchiveEntry e) {
    if (e.isSymbolicLink()) {
      return "l";
    }
    if (e.isLink()) {
      return "h";
    }
    if (e.isDirectory()) {
      return "d";
    }
    if (e.isCharacterDevice()) {
      return "c";
    }
    if (e.isBlockDevice()) {
      return "b";
    }
    if (e.isFIFO()) {
      return "p";
    }
    return e.isFile() ? "f" : "?";
  }

  private static byte[] pathBytes(String line) {
    return line.substring(0, line.indexOf('\t')).getBytes(StandardCharsets.UTF_8);
  }

  private static int compareBytes(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
