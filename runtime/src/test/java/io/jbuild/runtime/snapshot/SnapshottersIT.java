package io.jbuild.runtime.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.runtime.ExecutedStep;
import io.jbuild.runtime.StepExecutor;
import io.jbuild.runtime.TestRootfs;
import io.jbuild.runtime.oci.OciRuntimes;
import io.jbuild.runtime.oci.OutputSink;
import io.jbuild.runtime.spec.MountRequest;
import io.jbuild.runtime.spec.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same steps give the same diff with overlayfs and with the copy snapshotter (needs root).
 * Hardlinks to lower files ({@code data/linked} in the layer, {@code etc/group} in the base) bring
 * the unchanged file into the diff, the later name in path order being a hardlink of the earlier.
 */
class SnapshottersIT {
  @TempDir static Path shared;
  private static Path base;
  private static Path layer;

  private static final String SCRIPT =
      String.join(
          " && ",
          "test ! -e /root",
          "test ! -e /data/opq/old",
          "test -f /data/opq/new",
          "test -f /etc/hosts",
          "echo new > /data/new",
          "rm /data/del",
          "chmod 4755 /data/chmod",
          "rm /data/replace && mkdir /data/replace && echo in > /data/replace/f",
          "rm -rf /data/dir && mkdir /data/dir && echo c > /data/dir/c",
          "rm -rf /data/dir2 && echo f > /data/dir2",
          "ln -sfn new /data/link",
          "ln /data/new /data/hard",
          "ln /data/linked /data/a-link",
          "ln /etc/group /data/grp",
          "mkdir -p /data/sub/deep && echo d > /data/sub/deep/file",
          "chown 1000:1000 /data/keep",
          "rm /data/opq/new",
          "mkfifo /data/fifo",
          "mknod /data/null c 1 3",
          "echo cached > /mnt/cache/x");

  /** The expected diff, one line per entry: path kind type mode uid link hardlink. */
  private static final List<String> EXPECTED =
      List.of(
          "data ADDED_OR_MODIFIED DIRECTORY 755 0 null null",
          "data/a-link ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "data/chmod ADDED_OR_MODIFIED REGULAR 4755 0 null null",
          "data/del DELETED null 0 0 null null",
          "data/dir OPAQUE_DIR DIRECTORY 755 0 null null",
          "data/dir/c ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "data/dir2 ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "data/fifo ADDED_OR_MODIFIED FIFO 644 0 null null",
          "data/grp ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "data/hard ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "data/keep ADDED_OR_MODIFIED REGULAR 644 1000 null null",
          "data/link ADDED_OR_MODIFIED SYMLINK 777 0 new null",
          "data/linked ADDED_OR_MODIFIED REGULAR 644 0 null data/a-link",
          "data/new ADDED_OR_MODIFIED REGULAR 644 0 null data/hard",
          "data/null ADDED_OR_MODIFIED CHAR_DEVICE 644 0 null null 1:3",
          "data/opq ADDED_OR_MODIFIED DIRECTORY 755 0 null null",
          "data/opq/new DELETED null 0 0 null null",
          "data/replace OPAQUE_DIR DIRECTORY 755 0 null null",
          "data/replace/f ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "data/sub ADDED_OR_MODIFIED DIRECTORY 755 0 null null",
          "data/sub/deep ADDED_OR_MODIFIED DIRECTORY 755 0 null null",
          "data/sub/deep/file ADDED_OR_MODIFIED REGULAR 644 0 null null",
          "etc/group ADDED_OR_MODIFIED REGULAR 644 0 null data/grp");

  @BeforeAll
  static void layers() throws Exception {
    Assumptions.assumeTrue(TestRootfs.canRunContainers(), "needs root, runc and busybox");
    base = TestRootfs.busybox(shared.resolve("base"));
    TestRootfs.file(base, "data/opq/old", "old\n");
    TestRootfs.touch(base.resolve("data/opq"));
    TestRootfs.touch(base.resolve("data"));
    layer = Files.createDirectories(shared.resolve("layer"));
    for (String f : List.of("data/keep", "data/linked", "data/del", "data/chmod", "data/replace", "data/dir/a", "data/dir/b", "data/dir2/x", "data/opq/new")) {
      TestRootfs.file(layer, f, f + "\n");
    }
    Files.createSymbolicLink(layer.resolve("data/link"), Path.of("keep"));
    OverlayFormat.createWhiteout(layer.resolve("root"));
    OverlayFormat.markOpaque(layer.resolve("data/opq"));
    for (String d : List.of("data/dir", "data/dir2", "data/opq", "data")) {
      TestRootfs.touch(layer.resolve(d));
    }
  }

  private static List<String> run(Snapshotter snapshotter) throws Exception {
    Path work = Files.createTempDirectory(shared, snapshotter.name());
    Path cache = Files.createDirectories(work.resolve("cache"));
    StepExecutor ex = StepExecutor.create(OciRuntimes.resolve("runc"), snapshotter, work.resolve("w"));
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    OutputSink sink = (s, l) -> out.add(l);
    RunRequest r =
        RunRequest.of(List.of("/bin/sh", "-c", SCRIPT), List.of())
            .withMounts(List.of(MountRequest.bind(cache, "/mnt/cache", false)));
    try (ExecutedStep step = ex.run(List.of(layer, base), r, sink, null)) {
      assertEquals(0, step.exitCode(), out.toString());
      List<String> lines = new ArrayList<>();
      for (DiffEntry e : step.diff()) {
        String line =
            e.path() + " " + e.kind() + " " + e.type() + " " + Integer.toOctalString(e.mode()) + " " + e.uid() + " "
                + e.linkTarget() + " " + e.hardlinkTo();
        if (e.type() == FileType.CHAR_DEVICE) {
          line += " " + e.devMajor() + ":" + e.devMinor();
        }
        if (e.kind() != DiffEntry.Kind.DELETED && e.hardlinkTo() == null && e.type() == FileType.REGULAR) {
          assertEquals(e.size(), Files.size(e.source()), e.path());
        }
        lines.add(line);
      }
      return lines;
    } finally {
      assertTrue(StepExecutorITSupport.mountsUnder(work).isEmpty(), "mounts left");
    }
  }

  @Test
  void overlayDiffIsAsExpected() throws Exception {
    assertEquals(EXPECTED, run(Snapshotters.overlay()));
  }

  @Test
  void copyDiffIsAsExpected() throws Exception {
    assertEquals(EXPECTED, run(Snapshotters.copy()));
  }

  @Test
  void detectPicksOverlayHere() {
    assertEquals("overlayfs", Snapshotters.detect(shared.resolve("probe")).name());
  }
}
