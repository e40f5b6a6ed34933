package io.jbuild.runtime.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.runtime.TestRootfs;
import io.jbuild.runtime.fs.MountPoint;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot mechanics without a container (needs root for mount). */
class OverlaySnapshotterIT {
  @TempDir static Path dir;

  @BeforeAll
  static void root() {
    Assumptions.assumeTrue(TestRootfs.canRunContainers(), "needs root");
  }

  private static List<String> paths(List<DiffEntry> d) {
    return d.stream().map(e -> e.path() + " " + e.kind()).collect(Collectors.toList());
  }

  @Test
  void zeroLowerDirsGiveAnEmptyRootfs() throws Exception {
    for (Snapshotter s : List.of(Snapshotters.overlay(), Snapshotters.copy())) {
      Path work = dir.resolve("zero-" + s.name());
      try (Snapshot snap = s.prepare(List.of(), work, List.of())) {
        try (var l = Files.list(snap.rootfs())) {
          assertEquals(0, l.count());
        }
        Files.writeString(snap.rootfs().resolve("a"), "a");
        assertEquals(List.of("a ADDED_OR_MODIFIED"), paths(snap.diff()));
      }
      assertFalse(Files.exists(work), "work dir removed on close");
    }
  }

  @Test
  void manyLayersWithLongPathsMount() throws Exception {
    List<Path> lowers = new ArrayList<>();
    Path base = dir.resolve("x".repeat(120)).resolve("y".repeat(120));
    for (int i = 0; i < 150; i++) {
      Path l = Files.createDirectories(base.resolve("layer-with-a-long-name-" + "z".repeat(60) + "-" + i));
      Files.writeString(l.resolve("f" + i), Integer.toString(i));
      Files.writeString(l.resolve("top"), Integer.toString(i));
      lowers.add(0, l);
    }
    try (Snapshot snap = Snapshotters.overlay().prepare(lowers, dir.resolve("many"), List.of())) {
      assertEquals("149", Files.readString(snap.rootfs().resolve("top")), "the first lower is the top-most");
      assertEquals("0", Files.readString(snap.rootfs().resolve("f0")));
      assertEquals(List.of(), snap.diff());
    }
  }

  @Test
  void mountPointStubsAreVisibleButNotInTheDiffAndKeepParentTimes() throws Exception {
    Path lower = Files.createDirectories(dir.resolve("stub-lower"));
    TestRootfs.file(lower, "etc/passwd", "root:x:0:0::/:/bin/sh\n");
    TestRootfs.touch(lower.resolve("etc"));
    FileTime etcTime = Files.getLastModifiedTime(lower.resolve("etc"));
    List<MountPoint> mps =
        List.of(new MountPoint("/proc", true), new MountPoint("/etc/hosts", false), new MountPoint("/mnt/c/d", true));
    for (Snapshotter s : List.of(Snapshotters.overlay(), Snapshotters.copy())) {
      try (Snapshot snap = s.prepare(List.of(lower), dir.resolve("stubs-" + s.name()), mps)) {
        Path r = snap.rootfs();
        assertTrue(Files.isDirectory(r.resolve("proc")), s.name());
        assertTrue(Files.isRegularFile(r.resolve("etc/hosts"), LinkOption.NOFOLLOW_LINKS), s.name());
        assertTrue(Files.isDirectory(r.resolve("mnt/c/d")), s.name());
        assertEquals(etcTime, Files.getLastModifiedTime(r.resolve("etc")), s.name());
        assertEquals(List.of(), snap.diff(), s.name());
        Files.writeString(r.resolve("mnt/c/new"), "n");
        assertEquals(
            List.of("mnt ADDED_OR_MODIFIED", "mnt/c ADDED_OR_MODIFIED", "mnt/c/new ADDED_OR_MODIFIED"),
            paths(snap.diff()),
            s.name());
      }
    }
  }

  private static void sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", cmd));
  }

  @Test
  void xattrsOfEveryNamespaceAreDiffedTheSameWayByBothSnapshotters() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setfattr")), "needs setfattr (package attr)");
    Path lower = Files.createDirectories(dir.resolve("xattr-lower"));
    for (String f : List.of("a", "b", "c", "d")) {
      TestRootfs.file(lower, f, f);
    }
    sh("setfattr", "-n", "user.keep", "-v", "1", lower.resolve("a").toString());
    sh("setfattr", "-n", "user.keep", "-v", "1", lower.resolve("d").toString());
    List<List<String>> results = new ArrayList<>();
    for (Snapshotter s : List.of(Snapshotters.overlay(), Snapshotters.copy())) {
      try (Snapshot snap = s.prepare(List.of(lower), dir.resolve("xattr-" + s.name()), List.of())) {
        Path r = snap.rootfs();
        sh("setfattr", "-n", "trusted.t", "-v", "0x0102", r.resolve("b").toString());
        sh("setfattr", "-n", "security.capability", "-v", "0x0100000200200000000000000000000000000000", r.resolve("c").toString());
        sh("chmod", "644", r.resolve("d").toString());
        sh("setfattr", "-x", "user.keep", r.resolve("a").toString());
        List<String> lines = new ArrayList<>();
        for (DiffEntry e : snap.diff()) {
          lines.add(e.path() + " " + e.xattrs());
        }
        results.add(lines);
      }
    }
    assertEquals(
        List.of("a []", "b [trusted.t=0x0102]", "c [security.capability=0x0100000200200000000000000000000000000000]"),
        results.get(0));
    assertEquals(results.get(0), results.get(1));
  }

  @Test
  void getfattrEscapesAreUndone() {
    assertEquals("a b\\nc", Xattrs.unescape("a b\\\\nc"));
    assertEquals("x\ny", Xattrs.unescape("x\\012y"));
  }

  @Test
  void closeIsIdempotentAndLeavesNoMount() throws Exception {
    Path lower = Files.createDirectories(dir.resolve("idem"));
    Snapshot snap = Snapshotters.overlay().prepare(List.of(lower), dir.resolve("idem-work"), List.of());
    Path merged = snap.rootfs();
    assertTrue(Mounts.isMounted(merged));
    snap.close();
    snap.close();
    assertFalse(Mounts.isMounted(merged));
  }
}
