package io.jbuild.runtime.oci;

import io.jbuild.runtime.ContainerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An OCI runtime CLI with runc's interface ({@code runc}, {@code crun}). All state lives under a
 * caller-given state root (runc {@code --root}), never in {@code /run/runc}.
 */
public interface OciRuntime {
  /** The executable this runtime runs. */
  Path executable();

  /**
   * Runs the container of {@code bundle} in the foreground and returns its exit code (128+signal
   * if it was killed by a signal). Stdin is empty; stdout and stderr go to {@code sink} live. The
   * container is killed and deleted before this returns, whatever happens: normal exit, timeout
   * (a {@link ContainerException}), interrupt ({@link InterruptedException}) or JVM shutdown.
   *
   * @param stateRoot the runtime's {@code --root} directory (created if missing)
   * @param containerId a unique container id (see {@link OciRuntimes#newContainerId()})
   * @param timeout the maximum run time, or {@code null} for none
   */
  int run(Path bundle, Path stateRoot, String containerId, OutputSink sink, Duration timeout)
      throws ContainerException, InterruptedException;

  /** The ids of the containers the runtime knows under {@code stateRoot} (empty if none). */
  List<String> list(Path stateRoot) throws ContainerException, InterruptedException;
}
