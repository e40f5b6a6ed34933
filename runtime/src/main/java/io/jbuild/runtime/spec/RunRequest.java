package io.jbuild.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to know about one {@code RUN} process.
 *
 * @param args the final argv (the builder has already applied SHELL for the shell form)
 * @param env {@code KEY=value} entries; a default {@code PATH} is added when missing
 * @param cwd the absolute working directory; created (owned by the user) when missing
 * @param user the resolved numeric user (see {@link UserResolver})
 * @param hostname the container's hostname
 * @param network host network or an own namespace with loopback only
 * @param mounts extra mounts, applied in order after the standard ones
 */
public record RunRequest(
    List<String> args,
    List<String> env,
    String cwd,
    ExecUser user,
    String hostname,
    NetworkMode network,
    List<MountRequest> mounts) {

  /** The hostname a RUN step sees unless told otherwise: BuildKit's, so that outputs match. */
  public static final String DEFAULT_HOSTNAME = "buildkitsandbox";

  public RunRequest {
    args = List.copyOf(args);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("a run request needs at least one argument");
    }
    env = List.copyOf(env);
    Objects.requireNonNull(cwd, "cwd");
    if (!cwd.startsWith("/")) {
      throw new IllegalArgumentException("working directory must be absolute: " + cwd);
    }
    Objects.requireNonNull(user, "user");
    hostname = hostname == null || hostname.isEmpty() ? DEFAULT_HOSTNAME : hostname;
    Objects.requireNonNull(network, "network");
    mounts = List.copyOf(mounts);
  }

  /** A request with root, {@code /} as cwd, host network and no extra mounts. */
  public static RunRequest of(List<String> args, List<String> env) {
    return new RunRequest(args, env, "/", ExecUser.ROOT, DEFAULT_HOSTNAME, NetworkMode.HOST, List.of());
  }

  /** Returns a copy with another user. */
  public RunRequest withUser(ExecUser u) {
    return new RunRequest(args, env, cwd, u, hostname, network, mounts);
  }

  /** Returns a copy with another network mode. */
  public RunRequest withNetwork(NetworkMode n) {
    return new RunRequest(args, env, cwd, user, hostname, n, mounts);
  }

  /** Returns a copy with another working directory. */
  public RunRequest withCwd(String dir) {
    return new RunRequest(args, env, dir, user, hostname, network, mounts);
  }

  /** Returns a copy with these extra mounts. */
  public RunRequest withMounts(List<MountRequest> m) {
    return new RunRequest(args, env, cwd, user, hostname, network, m);
  }
}
