package io.jbuild.runtime.spec;

import io.jbuild.runtime.fs.InRoot;
import io.jbuild.runtime.fs.MountPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure function from a {@link RunRequest} to the runtime spec of a BuildKit-like {@code RUN}
 * container:
 *
 * <ul>
 *   <li>new mount, PID, IPC and UTS namespaces, plus a network namespace (loopback only) for
 *       {@link NetworkMode#NONE};
 *   <li>for root the capabilities of {@link DefaultSecurity#CAPABILITIES} (bounding, effective,
 *       permitted), for other users none but the same bounding set; inheritable and ambient empty;
 *       {@code noNewPrivileges} false;
 *   <li>{@link DefaultSecurity#seccomp()}, masked and read-only paths, {@code RLIMIT_NOFILE}
 *       1048576;
 *   <li>mounts {@code /proc}, {@code /dev} (tmpfs; runc adds null, zero, full, random, urandom,
 *       tty), {@code /dev/pts}, {@code /dev/shm}, {@code /dev/mqueue}, {@code /sys} read-only,
 *       {@code /sys/fs/cgroup} read-only, then {@code /etc/resolv.conf}, {@code /etc/hosts}, {@code
 *       /etc/hostname} bound read-only from {@link EtcFiles}, then the request's extra mounts;
 *   <li>a default {@code PATH} when the environment has none.
 * </ul>
 */
public final class SpecGenerator {
  /** BuildKit's default PATH for Linux containers. */
  public static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** RLIMIT_NOFILE soft and hard limit, as Docker sets it. */
  public static final long NOFILE = 1048576;

  private SpecGenerator() {}

  /** Builds the spec for {@code request} running on {@code rootfs} with the given etc files. */
  public static RuntimeSpec generate(RunRequest request, Path rootfs, EtcFiles etc) {
    return generate(request, rootfs, etc, NOFILE);
  }

  /**
   * As {@link #generate(RunRequest, Path, EtcFiles)} with another {@code RLIMIT_NOFILE} (see
   * {@link #hostNofileLimit()}: a process without CAP_SYS_RESOURCE cannot raise its hard limit).
   */
  public static RuntimeSpec generate(RunRequest request, Path rootfs, EtcFiles etc, long nofile) {
    List<String> env = new ArrayList<>(request.env());
    if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
      env.add(0, DEFAULT_PATH);
    }
    ExecUser u = request.user();
    List<String> caps = DefaultSecurity.CAPABILITIES;
    SpecCapabilities capabilities =
        u.isRoot()
            ? new SpecCapabilities(caps, caps, List.of(), caps, List.of())
            : new SpecCapabilities(caps, List.of(), List.of(), List.of(), List.of());
    SpecProcess process =
        new SpecProcess(
            false,
            new SpecUser(u.uid(), u.gid(), u.additionalGids()),
            request.args(),
            env,
            request.cwd(),
            capabilities,
            List.of(new SpecRlimit("RLIMIT_NOFILE", nofile, nofile)),
            false);
    List<SpecLinux.SpecNamespace> ns = new ArrayList<>();
    for (String t : List.of("pid", "ipc", "uts", "mount")) {
      ns.add(new SpecLinux.SpecNamespace(t, null));
    }
    if (request.network() == NetworkMode.NONE) {
      ns.add(new SpecLinux.SpecNamespace("network", null));
    }
    SpecLinux linux =
        new SpecLinux(
            ns,
            new SpecLinux.SpecResources(List.of(new SpecLinux.DeviceRule(false, null, null, null, "rwm"))),
            DefaultSecurity.MASKED_PATHS,
            DefaultSecurity.READONLY_PATHS,
            DefaultSecurity.seccomp());
    return new RuntimeSpec(
        RuntimeSpec.OCI_VERSION,
        process,
        new SpecRoot(rootfs.toAbsolutePath().toString(), false),
        request.hostname(),
        mounts(request, etc),
        linux);
  }

  /**
   * The {@code RLIMIT_NOFILE} a container can get here: {@link #NOFILE}, or this process's own
   * hard limit if that is lower and the process lacks CAP_SYS_RESOURCE to exceed it.
   */
  public static long hostNofileLimit() {
    try {
      long capEff = 0;
      for (String l : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("CapEff:")) {
          capEff = Long.parseUnsignedLong(l.substring(7).trim(), 16);
        }
      }
      if ((capEff & (1L << 24)) != 0) {
        return NOFILE;
      }
      for (String l : java.nio.file.Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (l.startsWith("Max open files")) {
          String[] f = l.substring("Max open files".length()).trim().split("\\s+");
          return f[1].equals("unlimited") ? NOFILE : Math.min(NOFILE, Long.parseLong(f[1]));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // keep the default
    }
    return NOFILE;
  }

  private static List<SpecMount> mounts(RunRequest request, EtcFiles etc) {
    List<SpecMount> m = new ArrayList<>();
    m.add(new SpecMount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
    m.add(new SpecMount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
    m.add(
        new SpecMount(
            "/dev/pts",
            "devpts",
            "devpts",
            List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")));
    m.add(new SpecMount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));
    m.add(new SpecMount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
    m.add(new SpecMount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")));
    m.add(new SpecMount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("nosuid", "noexec", "nodev", "relatime", "ro")));
    m.add(bind("/etc/resolv.conf", etc.resolvConf(), true));
    m.add(bind("/etc/hosts", etc.hosts(), true));
    m.add(bind("/etc/hostname", etc.hostname(), true));
    for (MountRequest r : request.mounts()) {
      if (r.type() == MountRequest.Type.BIND) {
        m.add(bind(r.target(), r.source(), r.readOnly()));
      } else {
        List<String> opts = new ArrayList<>(List.of("nosuid", "nodev"));
        opts.addAll(r.options());
        m.add(new SpecMount(r.target(), "tmpfs", "tmpfs", opts));
      }
    }
    return m;
  }

  private static SpecMount bind(String target, Path source, boolean readOnly) {
    return new SpecMount(target, "bind", source.toString(), List.of("rbind", readOnly ? "ro" : "rw"));
  }

  /**
   * The mount points of {@code spec} that live directly in the rootfs (not inside another mount
   * such as {@code /dev/pts} inside {@code /dev}), in mount order, each marked as directory or file
   * (a bind of a non-directory host path is a file).
   */
  public static List<MountPoint> rootfsMountPoints(RuntimeSpec spec) {
    List<MountPoint> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (SpecMount m : spec.mounts()) {
      String dest = "/" + String.join("/", InRoot.split(m.destination()));
      boolean nested = false;
      for (String s : seen) {
        if (dest.equals(s) || dest.startsWith(s + "/")) {
          nested = true;
          break;
        }
      }
      seen.add(dest);
      if (nested || dest.equals("/")) {
        continue;
      }
      boolean dir = !m.type().equals("bind") || Files.isDirectory(Path.of(m.source()));
      out.add(new MountPoint(dest, dir));
    }
    return List.copyOf(out);
  }
}
