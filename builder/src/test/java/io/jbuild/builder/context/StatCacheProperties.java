package io.jbuild.builder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatCacheProperties {
  /** Whatever is written, with mtime forced back or not, across saves and reloads: never a stale digest. */
  @Property(tries = 40)
  void neverReturnsAStaleDigest(@ForAll @Size(min = 1, max = 6) List<@Size(max = 40) byte[]> versions,
      @ForAll boolean keepMtime, @ForAll boolean reopen) throws IOException {
    Path dir = Files.createTempDirectory("statcache");
    try {
      Path file = dir.resolve("f");
      Path cacheDir = dir.resolve("cache");
      StatCache cache = StatCache.open(cacheDir);
      FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
      for (byte[] v : versions) {
        Files.write(file, v);
        if (keepMtime) {
          Files.setLastModifiedTime(file, old);
        }
        assertEquals(ContentHasher.hashFile(file), cache.sha256(file, FileMeta.read(file)));
        assertEquals(ContentHasher.hashFile(file), cache.sha256(file, FileMeta.read(file)));
        if (reopen) {
          cache.save();
          cache = StatCache.open(cacheDir);
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  @Test
  void unchangedOldFilesAreNotReadAgainEvenAfterReload() throws Exception {
    Path dir = Files.createTempDirectory("statcache");
    try {
      Path file = Files.writeString(dir.resolve("name with\ttab"), "content");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
      Thread.sleep(1100); // let ctime age past the racy window
      StatCache cache = StatCache.open(dir.resolve("cache"));
      String first = cache.sha256(file, FileMeta.read(file));
      assertEquals(1, cache.reads());
      assertEquals(first, cache.sha256(file, FileMeta.read(file)));
      assertEquals(1, cache.reads());
      cache.save();
      StatCache reloaded = StatCache.open(dir.resolve("cache"));
      assertEquals(1, reloaded.size());
      assertEquals(first, reloaded.sha256(file, FileMeta.read(file)));
      assertEquals(0, reloaded.reads());
      // a racy (fresh) file is always read
      Path fresh = Files.writeString(dir.resolve("fresh"), "x");
      reloaded.sha256(fresh, FileMeta.read(fresh));
      reloaded.sha256(fresh, FileMeta.read(fresh));
      assertEquals(2, reloaded.reads());
    } finally {
      deleteTree(dir);
    }
  }

  @Test
  void hashingManyFilesReadsOnlyTheChangedOnesAndAgreesWithReading() throws Exception {
    Path dir = Files.createTempDirectory("statcache");
    try {
      List<Path> files = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Path f = Files.writeString(dir.resolve("f" + i), "content " + i);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
        files.add(f);
      }
      Thread.sleep(1100); // let ctime age past the racy window
      StatCache cache = StatCache.open(dir.resolve("cache"));
      cache.sha256All(entries(files));
      assertEquals(20, cache.reads());
      for (int i : new int[] {3, 11, 17}) {
        Files.writeString(files.get(i), "changed " + i);
      }
      List<String> again = cache.sha256All(entries(files));
      assertEquals(23, cache.reads(), "only the three changed files are read again");
      for (int i = 0; i < files.size(); i++) {
        assertEquals(ContentHasher.hashFile(files.get(i)), again.get(i), files.get(i).toString());
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static List<TreeEntry> entries(List<Path> files) throws IOException {
    List<TreeEntry> out = new java.util.ArrayList<>();
    for (Path f : files) {
      out.add(new TreeEntry(f.getFileName().toString(), f, FileMeta.read(f)));
    }
    return out;
  }

  @Test
  void corruptCacheFileStartsEmpty() throws Exception {
    Path dir = Files.createTempDirectory("statcache");
    try {
      Files.writeString(dir.resolve("statcache-v1"), "garbage\n");
      assertEquals(0, StatCache.open(dir).size());
    } finally {
      deleteTree(dir);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
