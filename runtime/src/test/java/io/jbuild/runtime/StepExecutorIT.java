package io.jbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.runtime.oci.OciRuntime;
import io.jbuild.runtime.oci.OciRuntimes;
import io.jbuild.runtime.oci.OutputSink;
import io.jbuild.runtime.snapshot.DiffEntry;
import io.jbuild.runtime.snapshot.FileType;
import io.jbuild.runtime.snapshot.Snapshotters;
import io.jbuild.runtime.spec.ExecUser;
import io.jbuild.runtime.spec.MountRequest;
import io.jbuild.runtime.spec.NetworkMode;
import io.jbuild.runtime.spec.RunRequest;
import io.jbuild.runtime.spec.UserResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real containers with runc on overlayfs over a busybox rootfs (needs root). */
class StepExecutorIT {
  @TempDir static Path shared;
  private static Path base;
  private Path work;
  private StepExecutor executor;
  private OciRuntime runc;
  private final List<String> out = Collections.synchronizedList(new ArrayList<>());
  private final OutputSink sink = (s, l) -> out.add((s == OutputSink.Stream.STDERR ? "E " : "") + l);

  @BeforeAll
  static void rootfs() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestRootfs.canRunContainers(), "needs root, runc and busybox");
    base = TestRootfs.busybox(shared.resolve("base"));
  }

  @BeforeEach
  void setUp() throws Exception {
    work = Files.createTempDirectory(shared, "work");
    runc = OciRuntimes.resolve("runc");
    executor = StepExecutor.create(runc, Snapshotters.overlay(), work);
  }

  @AfterEach
  void nothingLeaks() throws Exception {
    assertEquals(List.of(), mountsUnder(work), "mounts left behind");
    assertEquals(List.of(), runc.list(executor.stateRoot()), "containers left behind");
    try (Stream<Path> s = Files.list(work)) {
      assertEquals(
          List.of(), s.filter(p -> !p.getFileName().toString().equals("runc")).collect(Collectors.toList()),
          "step directories left behind");
    }
  }

  static List<String> mountsUnder(Path dir) throws Exception {
    String d = dir.toRealPath().toString();
    return Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8).stream()
        .map(l -> l.split(" ")[4])
        .filter(m -> m.startsWith(d))
        .collect(Collectors.toList());
  }

  private static RunRequest sh(String script) {
    return RunRequest.of(List.of("/bin/sh", "-c", script), List.of());
  }

  private int run(RunRequest r) throws Exception {
    try (ExecutedStep s = executor.run(List.of(base), r, sink, Duration.ofSeconds(60))) {
      return s.exitCode();
    }
  }

  @Test
  void echoStreamsOutputAndExitsZero() throws Exception {
    assertEquals(0, run(sh("echo hi; echo oops >&2")));
    assertTrue(out.contains("hi"), out.toString());
    assertTrue(out.contains("E oops"), out.toString());
  }

  @Test
  void exitCodeIsReturned() throws Exception {
    assertEquals(3, run(sh("exit 3")));
  }

  @Test
  void rootHasDockersCapabilitiesAndOthersNone() throws Exception {
    assertEquals(0, run(sh("grep CapEff /proc/self/status")));
    assertEquals(List.of("CapEff:\t00000000a80425fb"), out);
    out.clear();
    ExecUser app = UserResolver.forRootfs(base).resolve("app");
    assertEquals(0, run(sh("grep CapEff /proc/self/status; id").withUser(app)));
    assertEquals("CapEff:\t0000000000000000", out.get(0));
    assertTrue(out.get(1).startsWith("uid=1000(app) gid=1000(app)") && out.get(1).contains("10(wheel)"), out.toString());
  }

  @Test
  void userSpecIsResolvedAgainstTheStepsRootfs() throws Exception {
    try (ExecutedStep s = executor.run(List.of(base), sh("id -u; id -G"), "app", sink, null)) {
      assertEquals(0, s.exitCode(), out.toString());
    }
    assertEquals(List.of("1000", "1000 10"), out);
    ContainerException e =
        assertThrows(ContainerException.class, () -> executor.run(List.of(base), sh("true"), "ghost", sink, null));
    assertTrue(e.getMessage().contains("unable to find user ghost"), e.getMessage());
  }

  @Test
  void diffWithParentsAddsUnchangedParentDirectories() throws Exception {
    try (ExecutedStep s = executor.run(List.of(base), sh("echo extra:x:5: >> /etc/group"), sink, null)) {
      assertEquals(0, s.exitCode(), out.toString());
      assertEquals(List.of("etc/group"), s.diff().stream().map(DiffEntry::path).collect(Collectors.toList()));
      List<DiffEntry> full = s.diffWithParents();
      assertEquals(List.of("etc", "etc/group"), full.stream().map(DiffEntry::path).collect(Collectors.toList()));
      assertEquals(Files.getLastModifiedTime(base.resolve("etc")), full.get(0).mtime());
      assertEquals(FileType.DIRECTORY, full.get(0).type());
    }
  }

  @Test
  void seccompBlocksNamespaceCreation() throws Exception {
    assertNotEquals(0, run(sh("unshare -U true")));
  }

  @Test
  void networkNoneHasOnlyLoopback() throws Exception {
    assertEquals(0, run(sh("ls /sys/class/net").withNetwork(NetworkMode.NONE)));
    assertEquals(List.of("lo"), out);
  }

  @Test
  void etcFilesAndSpecialMountsExistButNeverReachTheDiff() throws Exception {
    RunRequest r = sh("grep -q localhost /etc/hosts && test -s /etc/resolv.conf && hostname && test -c /dev/null"
        + " && test -c /dev/urandom && test -d /dev/pts && test -d /dev/shm && test -r /proc/self/status"
        + " && echo x > /tmp/new");
    try (ExecutedStep s = executor.run(List.of(base), r, sink, null)) {
      assertEquals(0, s.exitCode(), out.toString());
      assertEquals(List.of("buildkitsandbox"), out);
      List<String> paths = s.diff().stream().map(DiffEntry::path).collect(Collectors.toList());
      assertEquals(List.of("tmp", "tmp/new"), paths);
    }
  }

  @Test
  void extraMountsWorkAndTheirMountPointsStayOutOfTheDiff() throws Exception {
    Path cache = Files.createDirectories(shared.resolve("cache-" + System.nanoTime()));
    Path secret = shared.resolve("secret-" + System.nanoTime());
    Files.writeString(secret, "s3cr3t");
    RunRequest r =
        sh("echo kept > /mnt/cache/f && cat /run/secrets/token && echo t > /scratch/t && mkdir /root/x")
            .withMounts(
                List.of(
                    MountRequest.bind(cache, "/mnt/cache", false),
                    MountRequest.bind(secret, "/run/secrets/token", true),
                    MountRequest.tmpfs("/scratch", List.of())));
    try (ExecutedStep s = executor.run(List.of(base), r, sink, null)) {
      assertEquals(0, s.exitCode(), out.toString());
      assertEquals(List.of("s3cr3t"), out);
      List<String> paths = s.diff().stream().map(DiffEntry::path).collect(Collectors.toList());
      assertEquals(List.of("root", "root/x"), paths);
    }
    assertEquals("kept\n", Files.readString(cache.resolve("f")));
  }

  @Test
  void missingWorkdirIsCreatedForTheUser() throws Exception {
    ExecUser app = UserResolver.forRootfs(base).resolve("app");
    RunRequest r = sh("pwd && touch f").withUser(app).withCwd("/home/app");
    try (ExecutedStep s = executor.run(List.of(base), r, sink, null)) {
      assertEquals(0, s.exitCode(), out.toString());
      List<DiffEntry> d = s.diff();
      assertEquals(List.of("home", "home/app", "home/app/f"), d.stream().map(DiffEntry::path).collect(Collectors.toList()));
      assertEquals(1000, d.get(1).uid());
      assertEquals(FileType.DIRECTORY, d.get(1).type());
      assertEquals(1000, d.get(2).uid());
    }
  }

  @Test
  void timeoutKillsTheContainer() throws Exception {
    long t0 = System.nanoTime();
    ContainerException e =
        assertThrows(
            ContainerException.class, () -> executor.run(List.of(base), sh("sleep 30"), sink, Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("timed out after 1s"), e.getMessage());
    assertTrue(System.nanoTime() - t0 < 15_000_000_000L);
  }

  @Test
  void interruptKillsTheContainerAndCleansUp() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try (ExecutedStep s = executor.run(List.of(base), sh("echo started; sleep 30"), sink, null)) {
                thrown.set(new AssertionError("finished with " + s.exitCode()));
              } catch (Throwable x) {
                thrown.set(x);
              }
            });
    t.start();
    long deadline = System.currentTimeMillis() + 20_000;
    while (!out.contains("started") && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(out.contains("started"));
    t.interrupt();
    t.join(20_000);
    assertFalse(t.isAlive());
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
  }

  @Test
  void failedStepCleansUpToo() throws Exception {
    try (ExecutedStep s = executor.run(List.of(base), sh("touch /x; exit 1"), sink, null)) {
      assertEquals(1, s.exitCode());
    }
    try (ExecutedStep s = executor.run(List.of(base), RunRequest.of(List.of("/nonexistent"), List.of()), sink, null)) {
      assertNotEquals(0, s.exitCode());
    }
  }

  @Test
  void crunWorksTooSkippedWhereCrunRefusesHybridCgroups() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/crun")), "crun not installed");
    OciRuntime crun = OciRuntimes.resolve("crun");
    StepExecutor ex = StepExecutor.create(crun, Snapshotters.overlay(), work);
    try (ExecutedStep s = ex.run(List.of(base), sh("echo via crun; grep CapEff /proc/self/status"), sink, null)) {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          out.stream().anyMatch(l -> l.contains("hybrid mode not supported")),
          "crun cannot run on this host's hybrid cgroup layout: " + out);
      assertEquals(0, s.exitCode(), out.toString());
    }
    assertEquals(List.of("via crun", "CapEff:\t00000000a80425fb"), out);
    assertEquals(List.of(), crun.list(ex.stateRoot()));
  }
}
