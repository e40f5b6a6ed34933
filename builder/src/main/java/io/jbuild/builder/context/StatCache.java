package io.jbuild.builder.context;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A persistent content-hash cache keyed by file metadata, so an unchanged large context is not
 * re-read on every build.
 *
 * <p>An entry maps an absolute file path to (size, mtime ns, inode, ctime ns) and the SHA-256
 * of the content, plus the time it was recorded. A lookup is trusted only if all four stats are
 * equal <em>and</em> the file's mtime and ctime are more than one second older than the
 * recording time (git's "racy" rule: a write in the same second as the recording could leave
 * the stats unchanged); otherwise the file is read again. Any change of content through the
 * file system changes ctime, so a changed file is never served a stale digest.
 *
 * <p>File format ({@code statcache-v1} in the given directory), one line per entry,
 * tab-separated: {@code sha256hex size mtimeNs inode ctimeNs recordedNs path} with {@code %},
 * tab, CR and LF in the path percent-encoded. {@link #save()} writes a temp file and renames it
 * atomically; a corrupt file is ignored (the cache starts empty).
 */
public final class StatCache implements ContentHasher {
  private static final String FILE = "statcache-v1";
  private static final long RACY_NANOS = 1_000_000_000L;

  private record Entry(String sha256, long size, long mtimeNs, long inode, long ctimeNs, long recordedNs) {}

  private final Path dir;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean dirty;
  private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

  private StatCache(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens (or starts) the cache stored in {@code dir}, e.g.
   * {@code $JBUILD_HOME/statcache/<hash of the context path>}. The directory is created on save.
   */
  public static StatCache open(Path dir) {
    StatCache c = new StatCache(dir);
    c.load();
    return c;
  }

  private void load() {
    Path f = dir.resolve(FILE);
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] p = line.split("\t", 7);
        if (p.length != 7 || p[0].length() != 64) {
          entries.clear();
          return;
        }
        entries.put(decode(p[6]), new Entry(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]),
            Long.parseLong(p[3]), Long.parseLong(p[4]), Long.parseLong(p[5])));
      }
    } catch (NoSuchFileException e) {
      // first use
    } catch (IOException | RuntimeException e) {
      entries.clear();
    }
  }

  @Override
  public String sha256(Path file, FileMeta meta) throws IOException {
    String key = file.toAbsolutePath().toString();
    Entry e = entries.get(key);
    long mtime = nanos(meta.mtime());
    long ctime = nanos(meta.ctime());
    if (e != null && e.size() == meta.size() && e.mtimeNs() == mtime && e.inode() == meta.inode()
        && e.ctimeNs() == ctime && mtime < e.recordedNs() - RACY_NANOS && ctime < e.recordedNs() - RACY_NANOS) {
      return e.sha256();
    }
    long recorded = nanos(Instant.now());
    reads.incrementAndGet();
    String hex = ContentHasher.hashFile(file);
    entries.put(key, new Entry(hex, meta.size(), mtime, meta.inode(), ctime, recorded));
    dirty = true;
    return hex;
  }

  /** How many files this instance has read (cache misses), for diagnostics and tests. */
  public long reads() {
    return reads.get();
  }

  /** Number of entries held (for tests and diagnostics). */
  public int size() {
    return entries.size();
  }

  /**
   * Writes the cache atomically if anything changed.
   *
   * @throws IOException if the directory cannot be written
   */
  public synchronized void save() throws IOException {
    if (!dirty) {
      return;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, FILE, ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
          Entry e = me.getValue();
          w.write(e.sha256() + "\t" + e.size() + "\t" + e.mtimeNs() + "\t" + e.inode() + "\t" + e.ctimeNs()
              + "\t" + e.recordedNs() + "\t" + encode(me.getKey()) + "\n");
        }
      }
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      dirty = false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static String encode(String s) {
    return s.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String decode(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
  }
}
