package io.jbuild.cli;

import io.jbuild.runtime.oci.OciRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What {@code jbuild version} reports: the jbuild {@code version} and git {@code commit} it was built
 * from, the {@code java} runtime, the OCI {@code runtime} executable found for RUN (or {@code null}) and
 * its {@code runtimeVersion} (first line of {@code runtime --version}), and whether the kernel offers
 * {@code overlayfs} ({@code overlay} listed in {@code /proc/filesystems}).
 *
 * <p>Version and commit come from the resource {@code io/jbuild/cli/version.properties}, filled by Maven
 * resource filtering ({@code ${project.version}}, {@code ${jbuild.commit}}); the system property
 * {@code jbuild.commit} (set by the {@code scripts/jbuild} launcher from {@code git rev-parse}) overrides the
 * commit. Values still unfiltered read as {@code unknown}.
 */
public record VersionInfo(String version, String commit, String java, String runtime, String runtimeVersion,
    boolean overlayfs) {
  /** The system property that overrides the commit. */
  public static final String COMMIT_PROPERTY = "jbuild.commit";
  static final String UNKNOWN = "unknown";
  private static final String RESOURCE = "version.properties";

  /** Looks everything up for this process (runs {@code runtime --version}, at most 5 s). */
  public static VersionInfo detect() {
    Properties props = resource();
    String runtime = null;
    String runtimeVersion = null;
    try {
      Path exe = OciRuntimes.resolve(null).executable();
      runtime = exe.toString();
      runtimeVersion = runtimeVersion(exe);
    } catch (Exception e) {
      // no runtime installed: reported as "not found"
    }
    return new VersionInfo(usable(props.getProperty("version")),
        usable(System.getProperty(COMMIT_PROPERTY), props.getProperty("commit")),
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        runtime, runtimeVersion, overlayfs(Path.of("/proc/filesystems")));
  }

  /**
   * The lines printed by {@code jbuild version} and {@code --version}, e.g.
   * {@code jbuild 0.1.0 (commit 1a2b3c4)}, {@code java 17.0.9 (Eclipse Adoptium)},
   * {@code oci runtime /usr/sbin/runc (runc version 1.1.5)}, {@code overlayfs available}.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("jbuild " + version + " (commit " + commit + ")");
    lines.add("java " + java);
    lines.add(runtime == null ? "oci runtime not found (RUN steps need runc or crun on PATH)"
        : "oci runtime " + runtime + (runtimeVersion == null ? "" : " (" + runtimeVersion + ")"));
    lines.add(overlayfs ? "overlayfs available" : "overlayfs not available (layers are copied instead)");
    return lines;
  }

  /** The jbuild version from the build-time resource, without probing anything else. */
  static String buildVersion() {
    return usable(resource().getProperty("version"));
  }

  /** The first value that is set and not an unfiltered {@code ${...}} placeholder, else {@code unknown}. */
  static String usable(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank() && !c.contains("${")) {
        return c.trim();
      }
    }
    return UNKNOWN;
  }

  /** The first line of {@code exe --version}, or {@code null} if it fails or takes over 5 s. */
  static String runtimeVersion(Path exe) {
    try {
      Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readNBytes(4096);
      }
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String first = new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
      return p.exitValue() == 0 && !first.isEmpty() ? first : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Whether {@code procFilesystems} (the format of {@code /proc/filesystems}) lists {@code overlay}. */
  static boolean overlayfs(Path procFilesystems) {
    try {
      return Files.readAllLines(procFilesystems, StandardCharsets.UTF_8).stream()
          .map(l -> l.trim().split("\\s+"))
          .anyMatch(f -> f.length > 0 && "overlay".equals(f[f.length - 1]));
    } catch (IOException e) {
      return false;
    }
  }

  private static Properties resource() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource reads as unknown values
    }
    return p;
  }
}
