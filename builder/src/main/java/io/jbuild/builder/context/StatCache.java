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
        int[] tabs = new int[6];
        int from = 0;
        for (int i = 0; i < 6; i++) {
          tabs[i] = line.indexOf('\t', from);
          if (tabs[i] < 0) {
            entries.clear(); // corrupt: start empty
            return;
          }
          from = tabs[i] + 1;
        }
        if (tabs[0] != 64) {
          entries.clear();
          return;
        }
        String path = line.substring(tabs[5] + 1);
        entries.put(path.indexOf('%') >= 0 ? decode(path) : path, new Entry(line.substring(0, 64),
            Long.parseLong(line, tabs[0] + 1, tabs[1], 10), Long.parseLong(line, tabs[1] + 1, tabs[2], 10),
            Long.parseLong(line, tabs[2] + 1, tabs[3], 10), Long.parseLong(line, tabs[3] + 1, tabs[4], 10),
            Long.parseLong(line, tabs[4] + 1, tabs[5], 10)));
      }
    } catch (NoSuchFileException e) {
      // first use
    } catch (IOException | RuntimeException e) {
      entries.clear(); // unreadable or corrupt: start empty
    }
  }

  @Override
  public String known(Path file, FileMeta meta) {
    Entry e = entries.get(file.toAbsolutePath().toString());
    if (e != null && e.size() == meta.size() && e.mtimeNs() == meta.mtimeNs() && e.inode() == meta.inode()
        && e.ctimeNs() == meta.ctimeNs() && meta.settledBefore(e.recordedNs())) {
      return e.sha256();
    }
    return null;
  }

  @Override
  public String sha256(Path file, FileMeta meta) throws IOException {
    String hit = known(file, meta);
    if (hit != null) {
      return hit;
    }
    String key = file.toAbsolutePath().toString();
    long recorded = FileMeta.nanos(Instant.now());
    reads.incrementAndGet();
    String hex = ContentHasher.hashFile(file);
    entries.put(key, new Entry(hex, meta.size(), meta.mtimeNs(), meta.inode(), meta.ctimeNs(), recorded));
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


  private static String encode(String s) {
    return s.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String decode(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
  }
}
