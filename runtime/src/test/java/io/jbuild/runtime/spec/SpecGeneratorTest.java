package io.jbuild.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.runtime.fs.MountPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpecGeneratorTest {
  private static final Map<String, Integer> CAP_BITS =
      Map.ofEntries(
          Map.entry("CAP_CHOWN", 0),
          Map.entry("CAP_DAC_OVERRIDE", 1),
          Map.entry("CAP_FOWNER", 3),
          Map.entry("CAP_FSETID", 4),
          Map.entry("CAP_KILL", 5),
          Map.entry("CAP_SETGID", 6),
          Map.entry("CAP_SETUID", 7),
          Map.entry("CAP_SETPCAP", 8),
          Map.entry("CAP_NET_BIND_SERVICE", 10),
          Map.entry("CAP_NET_RAW", 13),
          Map.entry("CAP_SYS_CHROOT", 18),
          Map.entry("CAP_MKNOD", 27),
          Map.entry("CAP_AUDIT_WRITE", 29),
          Map.entry("CAP_SETFCAP", 31));

  private static final EtcFiles ETC = EtcFiles.in(Path.of("/bundle"));

  private static long mask(List<String> caps) {
    long m = 0;
    for (String c : caps) {
      m |= 1L << CAP_BITS.get(c);
    }
    return m;
  }

  @Test
  void rootGetsDockersDefaultCapabilities() {
    RuntimeSpec s = SpecGenerator.generate(RunRequest.of(List.of("true"), List.of()), Path.of("/r"), ETC);
    SpecCapabilities c = s.process().capabilities();
    assertEquals(0xa80425fbL, mask(c.effective()));
    assertEquals(0xa80425fbL, mask(c.permitted()));
    assertEquals(0xa80425fbL, mask(c.bounding()));
    assertTrue(c.inheritable().isEmpty());
    assertTrue(c.ambient().isEmpty());
    assertFalse(s.process().noNewPrivileges());
  }

  @Test
  void nonRootGetsNoCapabilitiesButTheBoundingSet() {
    RunRequest r = RunRequest.of(List.of("true"), List.of()).withUser(new ExecUser(1000, 1000, List.of(10L)));
    RuntimeSpec s = SpecGenerator.generate(r, Path.of("/r"), ETC);
    SpecCapabilities c = s.process().capabilities();
    assertTrue(c.effective().isEmpty());
    assertTrue(c.permitted().isEmpty());
    assertEquals(0xa80425fbL, mask(c.bounding()));
    assertEquals(new SpecUser(1000, 1000, List.of(10L)), s.process().user());
  }

  @Test
  void namespacesDependOnNetworkMode() {
    RunRequest r = RunRequest.of(List.of("true"), List.of());
    List<String> host =
        SpecGenerator.generate(r, Path.of("/r"), ETC).linux().namespaces().stream()
            .map(SpecLinux.SpecNamespace::type)
            .collect(Collectors.toList());
    assertEquals(List.of("pid", "ipc", "uts", "mount"), host);
    List<String> none =
        SpecGenerator.generate(r.withNetwork(NetworkMode.NONE), Path.of("/r"), ETC).linux().namespaces().stream()
            .map(SpecLinux.SpecNamespace::type)
            .collect(Collectors.toList());
    assertEquals(List.of("pid", "ipc", "uts", "mount", "network"), none);
  }

  @Test
  void defaultPathIsAddedOnlyWhenMissing() {
    RuntimeSpec s = SpecGenerator.generate(RunRequest.of(List.of("true"), List.of("A=1")), Path.of("/r"), ETC);
    assertEquals(List.of(SpecGenerator.DEFAULT_PATH, "A=1"), s.process().env());
    RuntimeSpec t = SpecGenerator.generate(RunRequest.of(List.of("true"), List.of("PATH=/x")), Path.of("/r"), ETC);
    assertEquals(List.of("PATH=/x"), t.process().env());
  }

  @Test
  void mountsAreTheStandardOnesThenTheExtraOnes() {
    RunRequest r =
        RunRequest.of(List.of("true"), List.of())
            .withMounts(
                List.of(
                    MountRequest.bind(Path.of("/cache/x"), "/root/.cache", false),
                    MountRequest.tmpfs("/scratch", List.of("size=1m"))));
    RuntimeSpec s = SpecGenerator.generate(r, Path.of("/r"), ETC);
    List<String> dests = s.mounts().stream().map(SpecMount::destination).collect(Collectors.toList());
    assertEquals(
        List.of(
            "/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup",
            "/etc/resolv.conf", "/etc/hosts", "/etc/hostname", "/root/.cache", "/scratch"),
        dests);
    SpecMount sys = s.mounts().get(5);
    assertTrue(sys.options().contains("ro"));
    assertEquals(new SpecMount("/etc/hosts", "bind", "/bundle/hosts", List.of("rbind", "ro")), s.mounts().get(8));
    assertEquals(List.of("rbind", "rw"), s.mounts().get(10).options());
    assertEquals(List.of("nosuid", "nodev", "size=1m"), s.mounts().get(11).options());
    List<MountPoint> points = SpecGenerator.rootfsMountPoints(s);
    assertEquals(
        List.of("/proc", "/dev", "/sys", "/etc/resolv.conf", "/etc/hosts", "/etc/hostname", "/root/.cache", "/scratch"),
        points.stream().map(MountPoint::path).collect(Collectors.toList()));
    assertFalse(points.get(4).directory(), "a bind of a (missing) file is a file mount point");
    assertTrue(points.get(0).directory());
  }

  @Test
  void maskedAndReadonlyPathsAreDockers() {
    SpecLinux l = SpecGenerator.generate(RunRequest.of(List.of("true"), List.of()), Path.of("/r"), ETC).linux();
    assertTrue(l.maskedPaths().containsAll(List.of("/proc/kcore", "/proc/keys", "/sys/firmware", "/proc/timer_list")));
    assertEquals(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"), l.readonlyPaths());
  }

  @Test
  void seccompIsAnAllowListWithoutHostAdministration() {
    SpecSeccomp sc = DefaultSecurity.seccomp();
    assertEquals("SCMP_ACT_ERRNO", sc.defaultAction());
    assertEquals(1, sc.defaultErrnoRet());
    List<String> allowed = new ArrayList<>();
    for (SpecSeccomp.Rule r : sc.syscalls()) {
      if (r.action().equals("SCMP_ACT_ALLOW") && r.args().isEmpty()) {
        allowed.addAll(r.names());
      }
    }
    assertTrue(allowed.containsAll(List.of("read", "write", "execve", "openat", "chroot", "mknod", "setuid")));
    for (String forbidden :
        List.of("mount", "umount2", "unshare", "setns", "reboot", "kexec_load", "init_module", "swapon",
            "pivot_root", "bpf", "perf_event_open", "keyctl", "add_key", "clone", "clone3", "personality",
            "open_by_handle_at", "acct", "settimeofday", "syslog")) {
      assertFalse(allowed.contains(forbidden), forbidden + " must not be allowed unconditionally");
    }
    SpecSeccomp.Rule clone3 =
        sc.syscalls().stream().filter(r -> r.names().equals(List.of("clone3"))).findFirst().orElseThrow();
    assertEquals("SCMP_ACT_ERRNO", clone3.action());
    assertEquals(38, clone3.errnoRet());
    SpecSeccomp.Rule clone =
        sc.syscalls().stream().filter(r -> r.names().equals(List.of("clone"))).findFirst().orElseThrow();
    assertEquals(new SpecSeccomp.Arg(0, 0x7E020000L, 0, "SCMP_CMP_MASKED_EQ"), clone.args().get(0));
    assertEquals(allowed.size(), allowed.stream().distinct().count(), "no duplicate names");
  }

  @Test
  void jsonHasRuntimeSpecFieldNames() throws Exception {
    RunRequest r = RunRequest.of(List.of("/bin/sh", "-c", "echo hi"), List.of()).withUser(new ExecUser(5, 6, List.of()));
    String json = SpecJson.toJson(SpecGenerator.generate(r, Path.of("/r"), ETC));
    JsonNode n = new ObjectMapper().readTree(json);
    assertEquals("1.0.2", n.get("ociVersion").asText());
    assertEquals(5, n.at("/process/user/uid").asInt());
    assertEquals(6, n.at("/process/user/gid").asInt());
    assertEquals("echo hi", n.at("/process/args/2").asText());
    assertFalse(n.at("/process/terminal").asBoolean());
    assertEquals("/r", n.at("/root/path").asText());
    assertEquals("RLIMIT_NOFILE", n.at("/process/rlimits/0/type").asText());
    assertEquals(1048576, n.at("/process/rlimits/0/hard").asLong());
    assertEquals("SCMP_ACT_ERRNO", n.at("/linux/seccomp/defaultAction").asText());
    assertTrue(n.at("/linux/namespaces/0").has("type"));
    assertFalse(n.at("/linux/namespaces/0").has("path"), "no path means a new namespace");
    assertEquals("buildkitsandbox", n.get("hostname").asText());
    assertEquals(
        SpecGenerator.generate(r, Path.of("/r"), ETC),
        new ObjectMapper().readValue(json, RuntimeSpec.class),
        "json round trip");
  }
}
