package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.context.BuildContext;
import io.jbuild.builder.context.SourceDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo must never answer for sources that changed in any way the key digest sees (content,
 * mode, names, links, .dockerignore, flags), and must answer for sources that did not.
 */
class CopyKeyMemoTest {
  @TempDir Path tmp;
  Path ctx;
  final Instant old = Instant.now().minusSeconds(3600);

  @BeforeEach
  void context() throws Exception {
    ctx = Files.createDirectories(tmp.resolve("ctx"));
    for (int d = 0; d < 3; d++) {
      for (int f = 0; f < 4; f++) {
        write("src/d" + d + "/f" + f + ".txt", "file " + d + "/" + f);
      }
    }
    write("Dockerfile", "FROM scratch\n");
    Files.createSymbolicLink(ctx.resolve("src/link"), Path.of("d0/f0.txt"));
    age();
  }

  private void write(String rel, String content) throws Exception {
    Path p = ctx.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, FileTime.from(old));
  }

  /** Lets every ctime leave the one-second window in which the memo does not trust metadata. */
  private static void age() throws InterruptedException {
    Thread.sleep(1100);
  }

  private BuildContext open() throws Exception {
    return BuildContext.open(ctx, ctx.resolve("Dockerfile"));
  }

  private static CopyRequest copy(String... sources) {
    return CopyRequest.copy("Dockerfile:2", List.of(sources), "/app/");
  }

  private String fingerprint(CopyRequest req) throws Exception {
    Optional<String> f = CopyKeyMemo.fingerprint(req, open());
    assertTrue(f.isPresent(), "qualifies: " + req);
    return f.get();
  }

  private SourceDigest plan(CopyRequest req) throws Exception {
    return CopyEngine.create(tmp.resolve("scratch"), Clock.systemUTC()).keyDigest(req, open());
  }

  @Test
  void unchangedSourcesKeepTheirFingerprint() throws Exception {
    assertEquals(fingerprint(copy("src/")), fingerprint(copy("src/")));
  }

  @Test
  void contentChangedWithTheSameSizeAndMtimeChangesTheFingerprint() throws Exception {
    String before = fingerprint(copy("src/"));
    SourceDigest planned = plan(copy("src/"));
    write("src/d1/f2.txt", "FILE 1/2"); // same length, mtime set back to the old value: only ctime moves
    age();
    assertNotEquals(before, fingerprint(copy("src/")));
    assertNotEquals(planned, plan(copy("src/")), "and the digest it stands for changed too");
  }

  @Test
  void everyKindOfChangeChangesTheFingerprint() throws Exception {
    String before = fingerprint(copy("src/"));
    write("src/d2/new.txt", "new");
    age();
    String added = fingerprint(copy("src/"));
    assertNotEquals(before, added, "a new file");
    Files.setPosixFilePermissions(ctx.resolve("src/d0/f1.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
    age();
    String chmodded = fingerprint(copy("src/"));
    assertNotEquals(added, chmodded, "a mode");
    Files.delete(ctx.resolve("src/link"));
    Files.createSymbolicLink(ctx.resolve("src/link"), Path.of("d0/f1.txt"));
    age();
    String relinked = fingerprint(copy("src/"));
    assertNotEquals(chmodded, relinked, "a symlink target");
    write(".dockerignore", "src/d2\n");
    age();
    assertNotEquals(relinked, fingerprint(copy("src/")), ".dockerignore");
  }

  @Test
  void requestFlagsAreInTheFingerprint() throws Exception {
    String plain = fingerprint(copy("src/"));
    assertNotEquals(plain, fingerprint(copy("src/").withChmod("755")));
    assertNotEquals(plain, fingerprint(copy("src/").withExcludes(List.of("*.md"))));
    assertNotEquals(plain, fingerprint(copy("src/").withParents(true)));
    assertNotEquals(plain, fingerprint(copy("src/d0/", "src/d1/")));
    // the destination and --chown are not: the key carries them, the memo only stands for the sources
    assertEquals(plain, fingerprint(CopyRequest.copy("Dockerfile:9", List.of("src/"), "/elsewhere/").withChown("1:1")));
  }

  @Test
  void wildcardsAddAndFreshFilesDoNotQualify() throws Exception {
    assertTrue(CopyKeyMemo.fingerprint(copy("src/*/f1.txt"), open()).isEmpty(), "wildcard");
    assertTrue(CopyKeyMemo.fingerprint(CopyRequest.addOf("Dockerfile:2", List.of("src/"), "/app/"), open()).isEmpty(),
        "ADD");
    Files.writeString(ctx.resolve("src/d0/fresh.txt"), "just written");
    assertTrue(CopyKeyMemo.fingerprint(copy("src/"), open()).isEmpty(), "an entry changed within a second");
    assertTrue(CopyKeyMemo.fingerprint(copy("missing/"), open()).isEmpty(), "planning reports a missing source");
  }

  @Test
  void rememberedDigestsSurviveASaveAndAreCapped() throws Exception {
    Path dir = tmp.resolve("memo");
    CopyKeyMemo memo = CopyKeyMemo.open(dir);
    String f = fingerprint(copy("src/"));
    SourceDigest d = plan(copy("src/"));
    memo.put(f, d);
    for (int i = 0; i < CopyKeyMemo.MAX + 10; i++) {
      memo.put(String.format("%064x", i), d);
    }
    memo.put(f, d); // the most recent: kept
    memo.save();
    CopyKeyMemo reloaded = CopyKeyMemo.open(dir);
    assertEquals(Optional.of(d), reloaded.get(f));
    assertEquals(CopyKeyMemo.MAX, Files.readAllLines(dir.resolve("copykeys-v1")).size());
    Files.writeString(dir.resolve("copykeys-v1"), "garbage\n");
    assertTrue(CopyKeyMemo.open(dir).get(f).isEmpty(), "a corrupt file starts empty");
  }
}
