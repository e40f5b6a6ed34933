package io.jbuild.builder.copy;

import io.jbuild.builder.context.BuildContext;
import io.jbuild.builder.context.ContextException;
import io.jbuild.builder.context.FileMeta;
import io.jbuild.builder.context.GoGlob;
import io.jbuild.builder.context.ScopedPath;
import io.jbuild.builder.context.SourceDigest;
import io.jbuild.builder.context.SourceTree;
import io.jbuild.builder.context.TreeEntry;
import io.jbuild.oci.Digest;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the {@link CopyEngine#keyDigest} of a COPY from the build context by a fingerprint of
 * everything that digest is made of, so that a rebuild whose sources did not change only re-reads
 * their metadata (one {@code lstat} per entry) instead of planning the copy again (hash lookups,
 * {@code getfattr}, the sorted digest: seconds on 100,000 files).
 *
 * <p>The fingerprint hashes the context root, its {@code .dockerignore} content, the request's
 * source-side fields ({@link CopyRequest#forCacheKey()}) and, for each source, the path it resolves
 * to and the metadata of every entry the copy walks below it: kind, mode, owner, size, mtime, ctime,
 * inode, device, link count and symlink target. File content and xattrs cannot change without
 * changing ctime, the same rule the stat cache relies on; and as there, an entry changed within a
 * second of the walk makes the fingerprint untrustworthy (none is computed). Only plain COPY
 * sources qualify: no wildcard (its matching reads directories the walk does not list), no ADD
 * (archives, URLs). At most {@value #MAX} digests are kept, the most recent.
 *
 * <p>File format ({@code copykeys-v1} in the stat cache directory): one line per entry,
 * {@code fingerprint-hex TAB digest TAB recorded-ns}; written to a temp file and renamed.
 */
public final class CopyKeyMemo {
  static final int MAX = 2000;
  private static final String FILE = "copykeys-v1";

  private record Entry(String digest, long recordedNs) {}

  private final Path dir;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean dirty;
  private final java.util.concurrent.atomic.AtomicLong lastRecorded = new java.util.concurrent.atomic.AtomicLong();

  private CopyKeyMemo(Path dir) {
    this.dir = dir;
  }

  /** Opens the memo stored in {@code dir} (a missing or corrupt file starts it empty). */
  public static CopyKeyMemo open(Path dir) {
    CopyKeyMemo m = new CopyKeyMemo(dir);
    try (BufferedReader r = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] p = line.split("\t");
        if (p.length != 3 || p[0].length() != 64 || !p[1].startsWith("sha256:")) {
          m.entries.clear();
          break;
        }
        m.entries.put(p[0], new Entry(p[1], Long.parseLong(p[2])));
      }
    } catch (NoSuchFileException e) {
      // first use
    } catch (IOException | RuntimeException e) {
      m.entries.clear();
    }
    return m;
  }

  /** The remembered digest for {@code fingerprint}. */
  public Optional<SourceDigest> get(String fingerprint) {
    Entry e = entries.get(fingerprint);
    return e == null ? Optional.empty() : Optional.of(new SourceDigest(Digest.parse(e.digest())));
  }

  public void put(String fingerprint, SourceDigest digest) {
    long now = System.currentTimeMillis() * 1_000_000L;
    // strictly increasing, so "the most recent" is well defined when several land in one millisecond
    long recorded = lastRecorded.updateAndGet(last -> Math.max(now, last + 1));
    entries.put(fingerprint, new Entry(digest.toString(), recorded));
    dirty = true;
  }

  /** Writes the memo atomically (the {@value #MAX} most recent entries) if anything changed. */
  public synchronized void save() throws IOException {
    if (!dirty) {
      return;
    }
    List<Map.Entry<String, Entry>> all = new ArrayList<>(entries.entrySet());
    all.sort(Comparator.comparingLong((Map.Entry<String, Entry> e) -> e.getValue().recordedNs()).reversed());
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, FILE, ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, Entry> e : all.subList(0, Math.min(MAX, all.size()))) {
          w.write(e.getKey() + "\t" + e.getValue().digest() + "\t" + e.getValue().recordedNs() + "\n");
        }
      }
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      dirty = false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The fingerprint of {@code request}'s sources in {@code tree}, or empty when the request does not
   * qualify, a source cannot be resolved (planning will report it) or an entry is too fresh to trust.
   */
  public static Optional<String> fingerprint(CopyRequest request, SourceTree tree) {
    if (request.add() || !(tree instanceof BuildContext context) || request.sources().isEmpty()) {
      return Optional.empty();
    }
    long start = System.currentTimeMillis() * 1_000_000L;
    MessageDigest md = Digest.newSha256();
    Record out = new Record(md);
    CopyRequest k = request.forCacheKey();
    out.field("v", "copykey-v1").field("root", context.root().toAbsolutePath().toString());
    try {
      Optional<Path> ignore = context.ignoreFile();
      out.field("ignore", ignore.isPresent() ? HexFormat.of().formatHex(
          Digest.newSha256().digest(Files.readAllBytes(ignore.get()))) : "");
      out.field("chmod", String.valueOf(k.chmod())).field("parents", String.valueOf(k.parents()))
          .field("excludes", String.join("\n", k.excludes())).field("checksum", String.valueOf(k.checksum()));
      for (HeredocSource h : k.heredocs()) {
        out.field("heredoc", h.name()).field("content", HexFormat.of().formatHex(Digest.newSha256().digest(h.bytes())));
      }
      for (String src : k.sources()) {
        String clean = ScopedPath.clean(src);
        if (UrlFetcher.isUrl(src) || hasMeta(clean) || ScopedPath.escapes(src)) {
          return Optional.empty();
        }
        String resolved = tree.resolve(clean, true);
        out.field("source", src).field("resolved", resolved);
        for (TreeEntry e : tree.walk(resolved)) {
          FileMeta m = e.meta();
          if (!m.settledBefore(start)) {
            return Optional.empty();
          }
          out.field("entry", e.path() + "\0" + m.kind() + "\0" + m.mode() + "\0" + m.uid() + "\0" + m.gid() + "\0"
              + m.size() + "\0" + m.mtimeNs() + "\0" + m.ctimeNs() + "\0" + m.inode() + "\0" + m.device()
              + "\0" + m.rdev() + "\0" + m.nlink() + "\0" + (m.linkTarget() == null ? "" : m.linkTarget()));
        }
      }
    } catch (ContextException | IOException | RuntimeException e) {
      return Optional.empty(); // planning reports what is wrong
    }
    return Optional.of(HexFormat.of().formatHex(md.digest()));
  }

  private static boolean hasMeta(String clean) {
    for (String comp : clean.split("/")) {
      if (GoGlob.hasMeta(comp)) {
        return true;
      }
    }
    return false;
  }

  /** Length-prefixed fields into a digest, so no value can pass for a separator. */
  private record Record(MessageDigest md) {
    Record field(String name, String value) {
      byte[] v = value.getBytes(StandardCharsets.UTF_8);
      md.update((name + " " + v.length + ":").getBytes(StandardCharsets.UTF_8));
      md.update(v);
      md.update((byte) '\n');
      return this;
    }
  }
}
