package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;
import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.HealthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config-only instructions as pure functions on a {@link ContainerConfig}, with the exact
 * history text BuildKit records for each ({@code created_by}). Values are already expanded.
 */
public final class ConfigOps {
  /** The PATH BuildKit adds when the base image has none. */
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  /** The default SHELL. */
  public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  private static final Pattern PORT = Pattern.compile("(?:(.*):)?(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> SIGNALS = Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP",
      "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS",
      "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "UNUSED");

  private ConfigOps() {}

  /** A config change and its history text. */
  public record Change(ContainerConfig config, String createdBy) {}

  /** Ensures PATH is set, as BuildKit does for every stage's base. */
  public static ContainerConfig withDefaultPath(ContainerConfig c) {
    return c.envValue("PATH") == null ? c.withEnvVar("PATH", DEFAULT_PATH) : c;
  }

  /** ENV: pairs in order; history {@code ENV A=1 B=2}. */
  public static Change env(ContainerConfig c, List<Map.Entry<String, String>> pairs) {
    StringBuilder text = new StringBuilder("ENV");
    for (Map.Entry<String, String> p : pairs) {
      c = c.withEnvVar(p.getKey(), p.getValue());
      text.append(' ').append(p.getKey()).append('=').append(p.getValue());
    }
    return new Change(c, text.toString());
  }

  /** LABEL: pairs in order; history {@code LABEL a=b}. */
  public static Change label(ContainerConfig c, List<Map.Entry<String, String>> pairs) {
    StringBuilder text = new StringBuilder("LABEL");
    for (Map.Entry<String, String> p : pairs) {
      c = c.withLabel(p.getKey(), p.getValue());
      text.append(' ').append(p.getKey()).append('=').append(p.getValue());
    }
    return new Change(c, text.toString());
  }

  /** The argv of a shell-form command: the SHELL (or {@code /bin/sh -c}) plus the command string. */
  public static List<String> withShell(ContainerConfig c, String command) {
    List<String> out = new ArrayList<>(c.shell().isEmpty() ? DEFAULT_SHELL : c.shell());
    out.add(command);
    return out;
  }

  /** CMD: history {@code CMD ["a" "b"]}; sets ArgsEscaped as BuildKit does. */
  public static Change cmd(ContainerConfig c, List<String> argv) {
    return new Change(c.withCmd(argv).withArgsEscaped(true), "CMD " + GoFormat.quotedList(argv));
  }

  /** ENTRYPOINT: resets CMD unless CMD was set earlier in this stage. */
  public static Change entrypoint(ContainerConfig c, List<String> argv, boolean cmdSetInStage) {
    ContainerConfig next = c.withEntrypoint(argv);
    if (!cmdSetInStage) {
      next = next.withCmd(List.of());
    }
    return new Change(next, "ENTRYPOINT " + GoFormat.quotedList(argv));
  }

  /** SHELL: history {@code SHELL [/bin/bash -c]}. */
  public static Change shell(ContainerConfig c, List<String> argv) {
    return new Change(c.withShell(argv), "SHELL " + GoFormat.plainList(argv));
  }

  /** USER. */
  public static Change user(ContainerConfig c, String user) {
    return new Change(c.withUser(user), "USER " + user);
  }

  /** VOLUME: history {@code VOLUME [/a /b]}; an empty path is an error. */
  public static Change volume(ContainerConfig c, List<String> paths) throws BuildException {
    for (String p : paths) {
      if (p.isEmpty()) {
        throw new BuildException("VOLUME specified can not be an empty string");
      }
      c = c.withVolume(p);
    }
    return new Change(c, "VOLUME " + GoFormat.plainList(paths));
  }

  /** STOPSIGNAL: a signal name ({@code SIGTERM}, {@code TERM}) or number. */
  public static Change stopSignal(ContainerConfig c, String signal) throws BuildException {
    String s = signal.toUpperCase(Locale.ROOT);
    String bare = s.startsWith("SIG") ? s.substring(3) : s;
    boolean rt = bare.matches("RTMIN(\\+\\d+)?|RTMAX(-\\d+)?");
    if (!(signal.matches("\\d+") && Integer.parseInt(signal) > 0) && !SIGNALS.contains(bare) && !rt) {
      throw new BuildException("invalid signal: " + signal);
    }
    return new Change(c.withStopSignal(signal), "STOPSIGNAL " + signal);
  }

  /** MAINTAINER: the author, set by the caller on the image config; history only here. */
  public static String maintainerHistory(String name) {
    return "MAINTAINER " + name;
  }

  /**
   * EXPOSE: {@code 80}, {@code 80/udp}, ranges {@code 8000-8002}; history {@code EXPOSE map[80/tcp:{}]}
   * listing the ports of this instruction, sorted.
   */
  public static Change expose(ContainerConfig c, List<String> specs) throws BuildException {
    TreeSet<String> ports = new TreeSet<>();
    for (String spec : specs) {
      Matcher m = PORT.matcher(spec);
      if (!m.matches()) {
        throw new BuildException("invalid containerPort: " + spec);
      }
      String proto = m.group(4) == null ? "tcp" : m.group(4).toLowerCase(Locale.ROOT);
      int start = Integer.parseInt(m.group(2));
      int end = m.group(3) == null ? start : Integer.parseInt(m.group(3));
      if (end < start || end > 65535) {
        throw new BuildException("invalid range specified for container port: " + spec);
      }
      for (int p = start; p <= end; p++) {
        ports.add(p + "/" + proto);
      }
    }
    for (String p : ports) {
      c = c.withExposedPort(p);
    }
    StringBuilder text = new StringBuilder("EXPOSE map[");
    boolean first = true;
    for (String p : ports) {
      text.append(first ? "" : " ").append(p).append(":{}");
      first = false;
    }
    return new Change(c, text.append(']').toString());
  }

  /**
   * HEALTHCHECK: history as Go prints {@code %q} of the config pointer:
   * {@code HEALTHCHECK &{["CMD-SHELL" "x"] "30s" "0s" "0s" "0s" '\x03'}}.
   */
  public static Change healthcheck(ContainerConfig c, HealthConfig h) {
    String text = "HEALTHCHECK &{" + GoFormat.quotedList(h.test()) + " " + GoFormat.quote(GoFormat.duration(h.interval()))
        + " " + GoFormat.quote(GoFormat.duration(h.timeout())) + " " + GoFormat.quote(GoFormat.duration(h.startPeriod()))
        + " " + GoFormat.quote(GoFormat.duration(h.startInterval())) + " " + goRune(h.retries()) + "}";
    return new Change(c.withHealthcheck(h), text);
  }

  private static String goRune(int v) {
    if (v >= 0x20 && v < 0x7f && v != '\'' && v != '\\') {
      return "'" + (char) v + "'";
    }
    return switch (v) {
      case 7 -> "'\\a'";
      case 8 -> "'\\b'";
      case 9 -> "'\\t'";
      case 10 -> "'\\n'";
      case 11 -> "'\\v'";
      case 12 -> "'\\f'";
      case 13 -> "'\\r'";
      case '\'' -> "'\\''";
      case '\\' -> "'\\\\'";
      default -> v < 0x100 ? String.format("'\\x%02x'", v) : "'" + new String(Character.toChars(v)) + "'";
    };
  }

  /** ONBUILD: records the trigger; BuildKit writes no history entry for it. */
  public static ContainerConfig onbuild(ContainerConfig c, String trigger) {
    return c.withOnBuildTrigger(trigger);
  }
}
