package io.jbuild.runtime.oci;

import io.jbuild.runtime.ContainerException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Creates {@link OciRuntime}s from a {@code --runtime=PATH|name} value. */
public final class OciRuntimes {
  /** The runtime used when none is given. */
  public static final String DEFAULT = "runc";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private OciRuntimes() {}

  /**
   * Resolves a runtime: a value containing {@code /} is a path to an executable; a name is looked
   * up on {@code PATH}, then in the usual sbin/bin directories. {@code null} or empty means {@link
   * #DEFAULT}.
   *
   * @throws ContainerException if no such executable exists
   */
  public static OciRuntime resolve(String nameOrPath) throws ContainerException {
    String v = nameOrPath == null || nameOrPath.isEmpty() ? DEFAULT : nameOrPath;
    if (v.contains("/")) {
      Path p = Path.of(v).toAbsolutePath();
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new ContainerException("oci runtime " + v + ": not an executable file");
      }
      return new RuncRuntime(p);
    }
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (!d.isEmpty()) {
          dirs.add(d);
        }
      }
    }
    dirs.addAll(EXTRA_DIRS);
    for (String d : dirs) {
      Path p = Path.of(d, v);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return new RuncRuntime(p.toAbsolutePath());
      }
    }
    throw new ContainerException("oci runtime " + v + ": not found on PATH");
  }

  /** A fresh container id: {@code jbuild-} and 16 random hex digits. */
  public static String newContainerId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return "jbuild-" + HexFormat.of().formatHex(b);
  }
}
