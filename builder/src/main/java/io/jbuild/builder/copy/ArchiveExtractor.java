package io.jbuild.builder.copy;

import io.jbuild.builder.context.ScopedPath;
import io.jbuild.oci.Digest;
import io.jbuild.oci.layer.ContentSource;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.oci.layer.Whiteouts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.utils.IOUtils;

/**
 * ADD's local archive handling, as Docker: a file is an archive if, after an optional
 * gzip/bzip2/xz/zstd layer detected by magic bytes (never by extension), it starts with a valid
 * tar header; anything else is copied as it is.
 *
 * <p>Extraction is confined like layer extraction: names are taken relative to the
 * destination (a leading {@code /} is dropped), a name or hardlink target whose {@code ..}
 * climbs out is refused, whiteout names are refused, a hardlink must point to an entry met
 * earlier in the same archive. File contents are streamed into a scratch directory (only the
 * bytes present in the stream; a truncated entry is an error) and referenced from there.
 */
final class ArchiveExtractor {
  /** One extracted entry, its path relative to the extraction directory. */
  record Extracted(LayerEntry entry, String contentSha256) {}

  private ArchiveExtractor() {}

  /** Opens {@code file} as a tar stream if it is a (possibly compressed) tar archive, else returns {@code null}. */
  static InputStream openIfArchive(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 65536);
    try {
      raw.mark(8);
      byte[] magic = raw.readNBytes(6);
      raw.reset();
      InputStream in = raw;
      if (starts(magic, 0x1f, 0x8b)) {
        in = new GzipCompressorInputStream(raw, true);
      } else if (starts(magic, 'B', 'Z', 'h')) {
        in = new BZip2CompressorInputStream(raw, true);
      } else if (starts(magic, 0xfd, '7', 'z', 'X', 'Z', 0)) {
        in = new XZCompressorInputStream(raw, true);
      } else if (starts(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
        in = new ZstdCompressorInputStream(raw);
      }
      BufferedInputStream tar = new BufferedInputStream(in, 65536);
      tar.mark(1024);
      byte[] header = tar.readNBytes(512);
      tar.reset();
      if (header.length == 512 && looksLikeTar(header)) {
        return tar;
      }
      tar.close();
      return null;
    } catch (IOException e) {
      // a corrupt compressed stream: Docker copies such a file as is
      raw.close();
      return null;
    }
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeTar(byte[] h) {
    if (h[0] == 0) {
      return false;
    }
    long stored = 0;
    boolean digits = false;
    for (int i = 148; i < 156; i++) {
      int c = h[i] & 0xff;
      if (c >= '0' && c <= '7') {
        stored = stored * 8 + (c - '0');
        digits = true;
      } else if (c != ' ' && c != 0) {
        return false;
      }
    }
    if (!digits) {
      return false;
    }
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < 512; i++) {
      int b = (i >= 148 && i < 156) ? ' ' : h[i];
      unsigned += b & 0xff;
      signed += (i >= 148 && i < 156) ? ' ' : h[i];
    }
    return stored == unsigned || stored == signed;
  }

  /**
   * Extracts a tar stream.
   *
   * @param tar the tar stream from {@link #openIfArchive} (closed here)
   * @param name the archive's name for messages
   * @param destDir the cleaned layer path entries go under ({@code ""} for the root)
   * @param scratch an empty directory to hold extracted file contents until the layer is written
   * @return the entries in archive order (later duplicates replace earlier ones when planned)
   * @throws IOException on a malformed or truncated archive, or an entry that escapes the destination
   */
  static List<Extracted> extract(InputStream tar, String name, String destDir, Path scratch) throws IOException {
    List<Extracted> out = new ArrayList<>();
    Map<String, String> files = new HashMap<>();
    Files.createDirectories(scratch);
    int seq = 0;
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        String entryName = e.getName();
        String rel = confined(entryName, name);
        if (rel.isEmpty()) {
          continue;
        }
        String base = rel.substring(rel.lastIndexOf('/') + 1);
        if (Whiteouts.isReserved(base) || base.startsWith(Whiteouts.PREFIX)) {
          throw new IOException("archive \"" + name + "\": entry \"" + entryName
              + "\": whiteout names are not allowed");
        }
        String path = destDir.isEmpty() ? rel : destDir + "/" + rel;
        int mode = e.getMode() & 07777;
        long uid = Math.max(0, e.getLongUserId());
        long gid = Math.max(0, e.getLongGroupId());
        Instant mtime = e.getLastModifiedTime() == null ? Instant.EPOCH
            : e.getLastModifiedTime().toInstant();
        LayerEntry le;
        String sha = null;
        if (e.isDirectory()) {
          le = new LayerEntry(path, EntryType.DIRECTORY, mode, uid, gid, "", "", mtime, 0, "", 0, 0, null, null);
        } else if (e.isSymbolicLink()) {
          le = new LayerEntry(path, EntryType.SYMLINK, mode, uid, gid, "", "", mtime, 0, e.getLinkName(), 0, 0, null,
              null);
        } else if (e.isLink()) {
          String target = confined(e.getLinkName(), name);
          String targetPath = destDir.isEmpty() ? target : destDir + "/" + target;
          if (target.isEmpty() || !files.containsKey(targetPath)) {
            throw new IOException("archive \"" + name + "\": entry \"" + entryName + "\": hardlink to \""
                + e.getLinkName() + "\", which is not a file earlier in the archive");
          }
          le = new LayerEntry(path, EntryType.HARDLINK, mode, uid, gid, "", "", mtime, 0, targetPath, 0, 0, null,
              null);
          sha = files.get(targetPath);
          files.put(path, sha);
        } else if (e.isCharacterDevice() || e.isBlockDevice()) {
          le = new LayerEntry(path, e.isBlockDevice() ? EntryType.BLOCK_DEVICE : EntryType.CHAR_DEVICE, mode, uid, gid,
              "", "", mtime, 0, "", e.getDevMajor(), e.getDevMinor(), null, null);
        } else if (e.isFIFO()) {
          le = new LayerEntry(path, EntryType.FIFO, mode, uid, gid, "", "", mtime, 0, "", 0, 0, null, null);
        } else if (e.isFile()) {
          Path content = scratch.resolve(Integer.toString(seq++));
          MessageDigest md = Digest.newSha256();
          long n;
          try (OutputStream os = new DigestOutputStream(Files.newOutputStream(content), md)) {
            n = IOUtils.copy(in, os, 65536);
          }
          if (n != e.getSize()) {
            throw new IOException("archive \"" + name + "\": entry \"" + entryName + "\": truncated (" + n + " of "
                + e.getSize() + " bytes)");
          }
          sha = HexFormat.of().formatHex(md.digest());
          files.put(path, sha);
          le = new LayerEntry(path, EntryType.FILE, mode, uid, gid, "", "", mtime, n, "", 0, 0, null,
              ContentSource.of(content));
        } else {
          throw new IOException("archive \"" + name + "\": entry \"" + entryName + "\": unsupported tar entry type '"
              + (char) e.getLinkFlag() + "'");
        }
        out.add(new Extracted(le, sha));
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("archive \"" + name + "\": " + e.getMessage(), e);
    }
    return out;
  }

  /** A tar name relative to the destination; {@code ..} that climbs out is refused. */
  private static String confined(String entryName, String archive) throws IOException {
    String n = entryName;
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    if (ScopedPath.escapes(n)) {
      throw new IOException("archive \"" + archive + "\": entry \"" + entryName + "\": path escapes the destination");
    }
    return ScopedPath.clean(n);
  }
}
