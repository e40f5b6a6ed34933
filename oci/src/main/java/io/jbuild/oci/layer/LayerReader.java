package io.jbuild.oci.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Reads layer blobs: detects their compression by magic bytes and reads their tar entries back as
 * {@link LayerEntry} values (whiteout files become {@link EntryType#WHITEOUT} / {@link EntryType#OPAQUE_WHITEOUT}).
 * Reading is strict: names with {@code ..}, sparse files and unknown entry types are errors; to extract untrusted
 * layers use {@link LayerApplier}, which confines rather than parses.
 */
public final class LayerReader {
  private LayerReader() {}

  /** The container formats recognised by {@link #detect}. */
  public enum Format {
    PLAIN, GZIP, ZSTD, BZIP2, XZ
  }

  /** Receives each entry with a stream over exactly its content (empty for non-files), valid until it returns. */
  @FunctionalInterface
  public interface EntryVisitor {
    void visit(LayerEntry entry, InputStream content) throws IOException;
  }

  /**
   * Peeks at the first bytes of a stream that supports mark/reset: gzip {@code 1f 8b}, zstd {@code 28 b5 2f fd},
   * bzip2 {@code BZh}, xz {@code fd 37 7a 58 5a 00}; anything else is {@link Format#PLAIN}.
   */
  public static Format detect(InputStream in) throws IOException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("detect needs a stream supporting mark/reset");
    }
    in.mark(8);
    byte[] magic = in.readNBytes(6);
    in.reset();
    if (startsWith(magic, 0x1f, 0x8b)) {
      return Format.GZIP;
    }
    if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      return Format.ZSTD;
    }
    if (startsWith(magic, 'B', 'Z', 'h')) {
      return Format.BZIP2;
    }
    if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0)) {
      return Format.XZ;
    }
    return Format.PLAIN;
  }

  /** Wraps a possibly compressed stream in the matching decompressor (plain streams pass through). */
  public static InputStream decompress(InputStream raw) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 64 * 1024);
    Format format = detect(in);
    return switch (format) {
      case PLAIN -> in;
      case GZIP -> new GZIPInputStream(in, 64 * 1024);
      case ZSTD -> new ZstdInputStreamNoFinalizer(in);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case XZ -> xz(in);
    };
  }

  private static InputStream xz(InputStream in) throws IOException {
    try {
      return new XZCompressorInputStream(in, true);
    } catch (NoClassDefFoundError e) {
      throw new IOException("reading xz: org.tukaani:xz is not on the classpath");
    }
  }

  /**
   * Decompresses {@code layer} as needed and passes every entry, in stream order, to the visitor. An entry for the
   * root directory itself ({@code ./}) is skipped.
   */
  public static void read(InputStream layer, EntryVisitor visitor) throws IOException {
    TarReader tar = new TarReader(decompress(layer));
    TarHeader h;
    while ((h = tar.next()) != null) {
      if (h.isDirectory() && LayerPaths.cleanOrEmpty(h.name()).isEmpty()) {
        continue; // "./": the root's own entry has no LayerEntry form
      }
      visitor.visit(toEntry(h), tar.content());
    }
  }

  /** The entries of a layer, without their contents ({@link LayerEntry#content()} is empty). */
  public static List<LayerEntry> list(InputStream layer) throws IOException {
    List<LayerEntry> entries = new ArrayList<>();
    read(layer, (e, c) -> entries.add(e));
    return entries;
  }

  static LayerEntry toEntry(TarHeader h) throws IOException {
    try {
      if (h.sparse()) {
        throw new IOException("sparse files are not supported");
      }
      String path = LayerPaths.cleanOrEmpty(h.name());
      String base = path.isEmpty() ? "" : LayerPaths.baseName(path);
      int mode = (int) (h.mode() & 07777);
      if (Whiteouts.isOpaque(base)) {
        return LayerEntry.opaque(LayerPaths.parent(path)).withMtime(h.mtime()).withMode(mode)
            .withOwner(h.uid(), h.gid());
      }
      if (Whiteouts.isWhiteout(base)) {
        String deleted = Whiteouts.deletedName(base);
        String parent = LayerPaths.parent(path);
        return LayerEntry.whiteout(parent.isEmpty() ? deleted : parent + "/" + deleted).withMtime(h.mtime())
            .withMode(mode).withOwner(h.uid(), h.gid());
      }
      if (Whiteouts.isReserved(base)) {
        throw new IOException("unknown whiteout metadata name");
      }
      EntryType type = type(h);
      long size = type == EntryType.FILE ? h.size() : 0;
      String link = type == EntryType.SYMLINK || type == EntryType.HARDLINK ? h.linkName() : "";
      return new LayerEntry(path, type, mode, h.uid(), h.gid(), h.uname(), h.gname(), h.mtime(), size, link,
          type.isDevice() ? h.devMajor() : 0, type.isDevice() ? h.devMinor() : 0, h.xattrs(), null);
    } catch (IllegalArgumentException e) {
      throw new IOException("entry \"" + h.name() + "\": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("entry \"" + h.name() + "\": " + e.getMessage(), e);
    }
  }

  private static EntryType type(TarHeader h) throws IOException {
    if (h.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    if (h.isRegular()) {
      return EntryType.FILE;
    }
    return switch (h.typeFlag()) {
      case '1' -> EntryType.HARDLINK;
      case '2' -> EntryType.SYMLINK;
      case '3' -> EntryType.CHAR_DEVICE;
      case '4' -> EntryType.BLOCK_DEVICE;
      case '6' -> EntryType.FIFO;
      default -> throw new IOException("unsupported tar entry type '" + h.typeFlag() + "'");
    };
  }

  private static boolean startsWith(byte[] data, int... magic) {
    if (data.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((data[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
