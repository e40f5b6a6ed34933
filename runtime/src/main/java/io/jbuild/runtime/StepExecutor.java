package io.jbuild.runtime;

import io.jbuild.runtime.fs.InRoot;
import io.jbuild.runtime.oci.OciRuntime;
import io.jbuild.runtime.oci.OciRuntimes;
import io.jbuild.runtime.oci.OutputSink;
import io.jbuild.runtime.snapshot.Snapshot;
import io.jbuild.runtime.snapshot.Snapshotter;
import io.jbuild.runtime.spec.EtcFiles;
import io.jbuild.runtime.spec.RunRequest;
import io.jbuild.runtime.spec.RuntimeSpec;
import io.jbuild.runtime.spec.SpecGenerator;
import io.jbuild.runtime.spec.SpecJson;
import io.jbuild.runtime.spec.UserResolver;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;

/**
 * Runs {@code RUN} steps: snapshot the lower layers, write the bundle (config.json, hosts,
 * resolv.conf, hostname), run the OCI runtime, hand back exit code and diff.
 *
 * <p>Layout under the work root: {@code runc/} is the runtime's state root (so nothing leaks into
 * {@code /run/runc}); each step gets {@code <container-id>/bundle} and {@code
 * <container-id>/snapshot}, removed when the {@link ExecutedStep} is closed, or right away when
 * running fails (exception, timeout, interrupt, JVM shutdown).
 *
 * <p>Extra mounts ({@code RUN --mount}) are given resolved in the {@link RunRequest}; their mount
 * points (and the parent directories that had to be created for them) never appear in the diff.
 * A missing working directory is created (owned by the user), and that does appear, as in
 * BuildKit.
 */
public final class StepExecutor {
  private final OciRuntime runtime;
  private final Snapshotter snapshotter;
  private final Path workRoot;

  private StepExecutor(OciRuntime runtime, Snapshotter snapshotter, Path workRoot) {
    this.runtime = runtime;
    this.snapshotter = snapshotter;
    this.workRoot = workRoot.toAbsolutePath();
  }

  /** An executor keeping all its state under {@code workRoot}. */
  public static StepExecutor create(OciRuntime runtime, Snapshotter snapshotter, Path workRoot) {
    return new StepExecutor(runtime, snapshotter, workRoot);
  }

  /** The runtime's {@code --root} state directory. */
  public Path stateRoot() {
    return workRoot.resolve("runc");
  }

  /**
   * Runs {@code request} on top of {@code lowerDirs} (top-most first, overlay format) and returns
   * the finished step, whatever its exit code. The caller must close it.
   *
   * @param timeout the maximum run time or {@code null}
   * @throws ContainerException if the container could not be run or timed out (all is cleaned up)
   * @throws InterruptedException if interrupted (the container is killed, all is cleaned up)
   */
  public ExecutedStep run(List<Path> lowerDirs, RunRequest request, OutputSink sink, Duration timeout)
      throws ContainerException, InterruptedException {
    return run(lowerDirs, request, null, sink, timeout);
  }

  /**
   * As {@link #run(List, RunRequest, OutputSink, Duration)}, but with the Dockerfile {@code USER}
   * value {@code userSpec} ({@code name|uid[:group|gid]}) resolved against the step's own rootfs
   * (its {@code /etc/passwd} and {@code /etc/group}) instead of {@code request.user()}; {@code
   * null} keeps {@code request.user()}.
   *
   * @throws ContainerException also if the user or group does not exist in the rootfs
   */
  public ExecutedStep run(
      List<Path> lowerDirs, RunRequest request, String userSpec, OutputSink sink, Duration timeout)
      throws ContainerException, InterruptedException {
    String id = OciRuntimes.newContainerId();
    Path stepDir = workRoot.resolve(id);
    Path bundle = stepDir.resolve("bundle");
    Snapshot snapshot = null;
    Thread hook = null;
    boolean ok = false;
    try {
      EtcFiles etc;
      try {
        Files.createDirectories(bundle);
        etc = EtcFiles.write(bundle, request.hostname());
      } catch (IOException e) {
        throw new ContainerException("writing bundle " + bundle, e);
      }
      RuntimeSpec draft = SpecGenerator.generate(request, bundle.resolve("rootfs"), etc);
      try {
        snapshot = snapshotter.prepare(lowerDirs, stepDir.resolve("snapshot"), SpecGenerator.rootfsMountPoints(draft));
      } catch (IOException e) {
        throw new ContainerException("preparing " + snapshotter.name() + " snapshot for " + id, e);
      }
      if (userSpec != null) {
        request = request.withUser(UserResolver.forRootfs(snapshot.rootfs()).resolve(userSpec));
      }
      Snapshot snap = snapshot;
      StepCleanup cleanup = new StepCleanup(snap, stepDir);
      Thread h = new Thread(cleanup, "jbuild-cleanup-" + id);
      try {
        Runtime.getRuntime().addShutdownHook(h);
      } catch (IllegalStateException e) {
        throw new ContainerException("running step " + id + ": the jvm is shutting down");
      }
      hook = h;
      RuntimeSpec spec = SpecGenerator.generate(request, snapshot.rootfs(), etc, SpecGenerator.hostNofileLimit());
      try {
        createWorkdir(snapshot.rootfs(), request);
        SpecJson.write(spec, bundle);
      } catch (IOException e) {
        throw new ContainerException("writing bundle " + bundle, e);
      }
      int exit = runtime.run(bundle, stateRoot(), id, sink, timeout);
      Thread registered = hook;
      ExecutedStep step =
          new ExecutedStep(
              exit,
              snapshot,
              () -> {
                cleanup.run();
                removeHook(registered);
              });
      ok = true;
      return step;
    } finally {
      if (!ok) {
        closeQuietly(snapshot, stepDir);
        if (hook != null) {
          removeHook(hook);
        }
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs anyway
    }
  }

  private static void closeQuietly(Snapshot snapshot, Path stepDir) {
    new StepCleanup(snapshot, stepDir).run();
  }

  /**
   * Closes a step's snapshot, then deletes its directory; runs its work once, whichever thread
   * (caller, shutdown hook) comes first. Nothing is deleted while something may still be mounted.
   */
  private static final class StepCleanup implements Runnable {
    private final Snapshot snapshot;
    private final Path stepDir;
    private boolean done;

    StepCleanup(Snapshot snapshot, Path stepDir) {
      this.snapshot = snapshot;
      this.stepDir = stepDir;
    }

    @Override
    public synchronized void run() {
      if (done) {
        return;
      }
      if (snapshot != null) {
        try {
          snapshot.close();
        } catch (IOException e) {
          return;
        }
      }
      deleteQuietly(stepDir);
      done = true;
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.walkFileTree(
            dir,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.deleteIfExists(f);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
              }
            });
      }
    } catch (IOException e) {
      // best effort
    }
  }

  /** Creates the working directory (and missing parents) owned by the step's user, like BuildKit. */
  private static void createWorkdir(Path rootfs, RunRequest request) throws IOException {
    List<String> comps = InRoot.resolveComponents(rootfs, request.cwd());
    Path p = rootfs;
    for (String c : comps) {
      p = p.resolve(c);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(p);
        Files.setAttribute(p, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:uid", (int) request.user().uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", (int) request.user().gid(), LinkOption.NOFOLLOW_LINKS);
      }
    }
  }
}
