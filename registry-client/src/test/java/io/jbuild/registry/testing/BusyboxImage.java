package io.jbuild.registry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test base image written by {@code scripts/busybox-image}: system property {@code jbuild.busybox}
 * if set, else {@code ${jbuild.repo}/target/testimages/busybox}, created by running the script when
 * missing. An OCI image layout with tag {@code latest}.
 */
public final class BusyboxImage {
  private BusyboxImage() {}

  /** The layout directory, creating it when needed. */
  public static synchronized Path layout() throws IOException {
    String explicit = System.getProperty("jbuild.busybox");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    Path repo = Path.of(System.getProperty("jbuild.repo", "."));
    Path dir = repo.resolve("target/testimages/busybox");
    if (!Files.exists(dir.resolve("index.json"))) {
      Path script = repo.resolve("scripts/busybox-image");
      if (!Files.isExecutable(script)) {
        throw new IOException("no busybox test image at " + dir + " and no " + script);
      }
      Commands.check(script.toString(), dir.toString());
    }
    return dir;
  }
}
