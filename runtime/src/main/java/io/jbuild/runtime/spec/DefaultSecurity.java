package io.jbuild.runtime.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The process security BuildKit gives a {@code RUN} container, as constants: Docker's default
 * capability set, masked and read-only paths, and the default seccomp profile.
 *
 * <p>The seccomp profile is an allow list like Docker's: default action {@code SCMP_ACT_ERRNO}
 * (EPERM), the syscalls of {@code seccomp-allow.txt} allowed, {@code personality} only for the
 * harmless personas, {@code clone} only without namespace flags, {@code clone3} failing with
 * ENOSYS so that libcs fall back to {@code clone}. Rules that Docker grants only with capabilities
 * we never give (SYS_ADMIN, SYS_PTRACE, SYS_MODULE, ...) are left out; {@code chroot} is allowed
 * because SYS_CHROOT is in the bounding set.
 */
public final class DefaultSecurity {
  private DefaultSecurity() {}

  /** Docker's default capabilities; as a mask this is exactly {@code 0xa80425fb}. */
  public static final List<String> CAPABILITIES =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_FSETID",
          "CAP_FOWNER",
          "CAP_MKNOD",
          "CAP_NET_RAW",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETFCAP",
          "CAP_SETPCAP",
          "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT",
          "CAP_KILL",
          "CAP_AUDIT_WRITE");

  /** Paths hidden from the container (a {@code /dev/null} bind or an empty read-only tmpfs). */
  public static final List<String> MASKED_PATHS =
      List.of(
          "/proc/asound",
          "/proc/acpi",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/proc/scsi",
          "/sys/firmware",
          "/sys/devices/virtual/powercap");

  /** Paths made read-only inside the container. */
  public static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  /** {@code personality(2)} arguments Docker allows: LINUX, LINUX32, UNAME26 combos, query. */
  private static final long[] PERSONAS = {0x0L, 0x8L, 0x20000L, 0x20008L, 0xffffffffL};

  /** The clone flags that create namespaces; {@code clone} is allowed only without them. */
  public static final long CLONE_NAMESPACE_FLAGS = 0x7E020000L;

  private static final int EPERM = 1;
  private static final int ENOSYS = 38;

  /** The syscall names allowed unconditionally. */
  public static List<String> allowedSyscalls() {
    try (InputStream in = DefaultSecurity.class.getResourceAsStream("seccomp-allow.txt")) {
      if (in == null) {
        throw new IllegalStateException("seccomp-allow.txt missing from the classpath");
      }
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("#")) {
          names.add(t);
        }
      }
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException("reading seccomp-allow.txt", e);
    }
  }

  /** The default seccomp profile for the architecture this JVM runs on. */
  public static SpecSeccomp seccomp() {
    List<SpecSeccomp.Rule> rules = new ArrayList<>();
    rules.add(new SpecSeccomp.Rule(allowedSyscalls(), "SCMP_ACT_ALLOW", null, List.of()));
    for (long p : PERSONAS) {
      rules.add(
          new SpecSeccomp.Rule(
              List.of("personality"), "SCMP_ACT_ALLOW", null, List.of(new SpecSeccomp.Arg(0, p, 0, "SCMP_CMP_EQ"))));
    }
    rules.add(
        new SpecSeccomp.Rule(
            List.of("clone"),
            "SCMP_ACT_ALLOW",
            null,
            List.of(new SpecSeccomp.Arg(0, CLONE_NAMESPACE_FLAGS, 0, "SCMP_CMP_MASKED_EQ"))));
    rules.add(new SpecSeccomp.Rule(List.of("clone3"), "SCMP_ACT_ERRNO", ENOSYS, List.of()));
    return new SpecSeccomp("SCMP_ACT_ERRNO", EPERM, architectures(System.getProperty("os.arch")), rules);
  }

  /** The seccomp architectures for a JVM {@code os.arch}: the native one plus its compat ABIs. */
  static List<String> architectures(String osArch) {
    switch (osArch) {
      case "amd64":
      case "x86_64":
        return List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
      case "aarch64":
        return List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
      case "riscv64":
        return List.of("SCMP_ARCH_RISCV64");
      case "ppc64le":
        return List.of("SCMP_ARCH_PPC64LE");
      case "s390x":
        return List.of("SCMP_ARCH_S390X", "SCMP_ARCH_S390");
      default:
        return List.of();
    }
  }
}
