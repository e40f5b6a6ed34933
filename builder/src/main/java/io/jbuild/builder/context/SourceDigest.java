package io.jbuild.builder.context;

import io.jbuild.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The digest of the sources a COPY/ADD selected, as they will be written: the part of a step's
 * cache key that stands for file content. It depends on paths, types, modes, owners, symlink and
 * hardlink targets and file bytes only — never on mtimes, absolute paths or listing order.
 *
 * <p>Canonical serialisation (version 1), hashed with SHA-256: the line
 * {@code jbuild-source-digest-v1\n}, then one record per item sorted by the UTF-8 bytes of its
 * path (ties broken by the whole record), each record being the fields
 * {@code path, kind, mode (octal), uid, gid, link target (or empty), content sha256 hex (or empty),
 * xattrs (or empty)} joined by NUL bytes and terminated by {@code \n}; xattrs are written as
 * {@code name=hexvalue} pairs sorted by name and joined by {@code ,}.
 *
 * @param digest the resulting {@code sha256:} digest
 */
public record SourceDigest(Digest digest) {
  public SourceDigest {
    Objects.requireNonNull(digest, "digest");
  }

  /**
   * One selected source as it will be written.
   *
   * @param path path in the layer (or relative source path), {@code /}-separated
   * @param kind entry kind name, e.g. {@code FILE}, {@code DIRECTORY}, {@code SYMLINK}, {@code HARDLINK}
   * @param mode permission bits incl. setuid/setgid/sticky
   * @param uid owner as written
   * @param gid group as written
   * @param linkTarget symlink or hardlink target, or {@code null}
   * @param contentSha256 hex SHA-256 of file content, or {@code null}
   * @param xattrs extended attributes by name (copied), or {@code null}
   */
  public record Item(String path, String kind, int mode, long uid, long gid, String linkTarget, String contentSha256,
      Map<String, byte[]> xattrs) {
    public Item {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
      xattrs = xattrs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(xattrs));
    }

    /** An item without xattrs. */
    public Item(String path, String kind, int mode, long uid, long gid, String linkTarget, String contentSha256) {
      this(path, kind, mode, uid, gid, linkTarget, contentSha256, null);
    }

    String canonical() {
      return path + '\0' + kind + '\0' + Integer.toOctalString(mode) + '\0' + uid + '\0' + gid + '\0'
          + (linkTarget == null ? "" : linkTarget) + '\0' + (contentSha256 == null ? "" : contentSha256) + '\0'
          + xattrText() + '\n';
    }

    private String xattrText() {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(e.getKey()).append('=').append(HexFormat.of().formatHex(e.getValue()));
      }
      return sb.toString();
    }
  }

  /** An item's canonical record and the path it sorts by. */
  private record Record(String path, String text) {}

  /** Computes the digest of {@code items} in any order. */
  public static SourceDigest of(List<Item> items) {
    List<Record> records = new ArrayList<>(items.size());
    for (Item i : items) {
      records.add(new Record(i.path(), i.canonical()));
    }
    records.sort(Comparator.comparing(Record::path, ByteOrder.NAMES).thenComparing(Record::text, ByteOrder.NAMES));
    MessageDigest md = Digest.newSha256();
    md.update("jbuild-source-digest-v1\n".getBytes(StandardCharsets.UTF_8));
    for (Record r : records) {
      md.update(r.text().getBytes(StandardCharsets.UTF_8));
    }
    return new SourceDigest(Digest.ofSha256(md.digest()));
  }

  @Override
  public String toString() {
    return digest.toString();
  }
}
