package io.jbuild.oci.layer;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.jbuild.oci.DigestingOutputStream;
import io.jbuild.oci.NonClosingOutputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes layer entries as a reproducible tar, compressed, computing the diffID (sha256 of the tar) and the blob
 * digest (sha256 of the compressed bytes) in the same pass.
 *
 * <p>What is normalised, so that the same entries give the same bytes on any machine and in any input order:
 * <ul>
 *   <li>entries are sorted with {@link LayerPaths#ORDER} (a directory right before its contents, names compared as
 *       UTF-8 bytes, an opaque marker first in its directory); directories are named with a trailing {@code /};</li>
 *   <li>hard links: of a file and the links to it, the first path in that order carries the content and the others
 *       are tar hard links ({@code TypeLink}) to it, with the file's metadata;</li>
 *   <li>headers are ustar with PAX records only for what ustar cannot hold (long or non-ASCII names, long link
 *       names, sizes from 8 GiB, large ids, {@code SCHILY.xattr.*}); ids are numeric, names empty unless given;</li>
 *   <li>mtimes are whole seconds (truncated, as containerd and BuildKit write them); with a
 *       {@code sourceDateEpoch}, every mtime is first clamped to {@code min(mtime, epoch)} as BuildKit's
 *       {@code rewrite-timestamp} does;</li>
 *   <li>whiteouts are empty files {@code .wh.name} / {@code .wh..wh..opq}; other entries whose name starts with
 *       {@code .wh.} are refused, as are duplicate paths.</li>
 * </ul>
 * Contents are streamed from their {@link ContentSource} while writing; memory does not grow with layer size.
 */
public final class LayerWriter {
  /** Speed-oriented default gzip level (BuildKit uses Go's default, 6; level 1 is several times faster). */
  public static final int DEFAULT_GZIP_LEVEL = 1;
  /** Zstandard's default level, as BuildKit uses. */
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  /**
   * How to write a layer.
   *
   * @param compression the compression
   * @param level the compression level, or -1 for the compression's default
   * @param threads worker threads for compression (at least 1)
   * @param sourceDateEpoch if not null, every mtime is clamped to it
   */
  public record Options(Compression compression, int level, int threads, Instant sourceDateEpoch) {
    public Options {
      Objects.requireNonNull(compression, "compression");
      if (threads < 1) {
        throw new IllegalArgumentException("invalid thread count " + threads);
      }
    }

    /** gzip at {@link #DEFAULT_GZIP_LEVEL}, one thread per core, real timestamps. */
    public static Options defaults() {
      return new Options(Compression.GZIP, -1, Runtime.getRuntime().availableProcessors(), null);
    }

    public Options withCompression(Compression c) {
      return new Options(c, -1, threads, sourceDateEpoch);
    }

    public Options withLevel(int l) {
      return new Options(compression, l, threads, sourceDateEpoch);
    }

    public Options withThreads(int t) {
      return new Options(compression, level, t, sourceDateEpoch);
    }

    public Options withSourceDateEpoch(Instant epoch) {
      return new Options(compression, level, threads, epoch);
    }

    int effectiveLevel() {
      if (level >= 0) {
        return level;
      }
      return compression == Compression.ZSTD ? DEFAULT_ZSTD_LEVEL : DEFAULT_GZIP_LEVEL;
    }
  }

  private final Options options;

  private LayerWriter(Options options) {
    this.options = options;
  }

  /** A writer with the given options. */
  public static LayerWriter create(Options options) {
    return new LayerWriter(options);
  }

  /**
   * Writes the layer to {@code out} (which is flushed, not closed) and returns its digests.
   *
   * @throws IllegalArgumentException for invalid entry sets (duplicates, reserved {@code .wh.} names)
   * @throws IOException if a content source fails or does not match its declared size, or {@code out} fails
   */
  public LayerBlob write(Collection<LayerEntry> entries, OutputStream out) throws IOException {
    List<LayerEntry> sorted = prepare(entries, options.sourceDateEpoch());
    DigestingOutputStream blob = new DigestingOutputStream(out);
    OutputStream compressor = switch (options.compression()) {
      case GZIP -> new ParallelGzipOutputStream(blob, options.effectiveLevel(), options.threads());
      case ZSTD -> zstd(blob);
      case UNCOMPRESSED -> new FilterOutputStream(blob) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }
      };
    };
    DigestingOutputStream tar = new DigestingOutputStream(compressor);
    BufferedOutputStream buffered = new BufferedOutputStream(tar, 256 * 1024);
    try {
      writeTar(sorted, buffered);
      buffered.flush();
    } catch (IOException | RuntimeException e) {
      try {
        compressor.close(); // frees zstd's native context; the output is abandoned anyway
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    compressor.close();
    blob.flush();
    if (options.compression() == Compression.UNCOMPRESSED) {
      var digest = tar.digest();
      return new LayerBlob(digest, tar.count(), digest, tar.count(), options.compression().mediaType());
    }
    return new LayerBlob(blob.digest(), blob.count(), tar.digest(), tar.count(), options.compression().mediaType());
  }

  private OutputStream zstd(OutputStream target) throws IOException {
    ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(target, options.effectiveLevel());
    z.setChecksum(true);
    z.setWorkers(options.threads());
    return z;
  }

  /**
   * Writes the plain (uncompressed) tar of the entries to {@code out}, normalised as described on the class;
   * {@code out} is flushed, not closed.
   */
  public static void writeTar(Collection<LayerEntry> entries, Instant sourceDateEpoch, OutputStream out)
      throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(new NonClosingOutputStream(out), 256 * 1024);
    writeTar(prepare(entries, sourceDateEpoch), buffered);
    buffered.flush();
  }

  private static void writeTar(List<LayerEntry> sorted, OutputStream out) throws IOException {
    TarWriter tar = new TarWriter(out);
    for (LayerEntry e : sorted) {
      String name = e.tarPath() + (e.type() == EntryType.DIRECTORY ? "/" : "");
      long seconds = e.mtime().getEpochSecond();
      if (e.type() == EntryType.FILE && e.size() > 0) {
        try (InputStream in = e.content().open()) {
          tar.write(name, e.type().tarFlag(), e.mode(), e.uid(), e.gid(), e.uname(), e.gname(), seconds, e.size(),
              "", 0, 0, e.xattrs(), in);
        } catch (IOException ex) {
          if (ex.getMessage() != null && ex.getMessage().startsWith("entry \"")) {
            throw ex;
          }
          throw new IOException("entry \"" + e.path() + "\": reading content: " + ex.getMessage(), ex);
        }
      } else {
        tar.write(name, e.type().tarFlag(), e.mode(), e.uid(), e.gid(), e.uname(), e.gname(), seconds, 0,
            e.linkTarget(), e.devMajor(), e.devMinor(), e.xattrs(), InputStream.nullInputStream());
      }
    }
    tar.finish();
  }

  /** Validates, clamps times, sorts, and gives each hard-link group its first path as the real file. */
  static List<LayerEntry> prepare(Collection<LayerEntry> entries, Instant sourceDateEpoch) {
    Map<String, LayerEntry> byName = new TreeMap<>(LayerPaths.ORDER);
    for (LayerEntry e : entries) {
      String base = LayerPaths.baseName(e.path());
      if (!e.type().isWhiteout() && Whiteouts.isReserved(base)) {
        throw new IllegalArgumentException("entry \"" + e.path() + "\": names starting with "
            + Whiteouts.PREFIX + " are reserved for whiteouts");
      }
      if (e.type() == EntryType.WHITEOUT && Whiteouts.isReserved(base)) {
        throw new IllegalArgumentException("whiteout \"" + e.path() + "\": cannot delete a reserved name");
      }
      if (sourceDateEpoch != null && e.mtime().isAfter(sourceDateEpoch)) {
        e = e.withMtime(sourceDateEpoch);
      }
      if (byName.put(e.tarPath(), e) != null) {
        throw new IllegalArgumentException("entry \"" + e.tarPath() + "\": duplicate path in layer");
      }
    }
    linkHardlinks(byName);
    return new ArrayList<>(byName.values());
  }

  private static void linkHardlinks(Map<String, LayerEntry> byName) {
    Map<String, List<String>> groups = new HashMap<>();
    for (LayerEntry e : byName.values()) {
      if (e.type() == EntryType.HARDLINK) {
        String root = e.linkTarget();
        int hops = 0;
        while (byName.containsKey(root) && byName.get(root).type() == EntryType.HARDLINK) {
          root = byName.get(root).linkTarget();
          if (++hops > byName.size()) {
            throw new IllegalArgumentException("hardlink \"" + e.path() + "\": link cycle");
          }
        }
        LayerEntry target = byName.get(root);
        if (target == null) {
          continue; // a link to a file of a lower layer: written as given
        }
        if (target.type() != EntryType.FILE) {
          throw new IllegalArgumentException("hardlink \"" + e.path() + "\": target \"" + root
              + "\" is a " + target.type() + ", not a regular file");
        }
        groups.computeIfAbsent(root, k -> new ArrayList<>()).add(e.path());
      }
    }
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      LayerEntry file = byName.get(g.getKey());
      List<String> paths = new ArrayList<>(g.getValue());
      paths.add(g.getKey());
      String first = paths.stream().min(Comparator.comparing(p -> p, LayerPaths.ORDER)).orElseThrow();
      for (String p : paths) {
        LayerEntry linked = p.equals(first)
            ? file.withPath(first)
            : file.withPath(p).withKind(EntryType.HARDLINK, 0, first, null).withXattrs(Map.of());
        byName.put(p, linked);
      }
    }
  }
}
