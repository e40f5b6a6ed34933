package io.jbuild.oci.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's test base image (written by scripts/busybox-image), read, pulled and re-exported. */
class BusyboxImageIT {
  @TempDir Path dir;

  static Path busybox() throws Exception {
    String configured = System.getProperty("jbuild.busybox");
    if (configured != null && !configured.isEmpty()) {
      return Path.of(configured);
    }
    Path repo = Path.of(System.getProperty("jbuild.repo", "..")).toAbsolutePath().normalize();
    Path image = repo.resolve("target/testimages/busybox");
    if (!Files.isRegularFile(image.resolve("index.json"))) {
      Tools.run("bash", repo.resolve("scripts/busybox-image").toString(), image.toString());
    }
    return image;
  }

  @Test
  void pullsAndReexportsTheBusyboxImage() throws Exception {
    Path image = busybox();
    BlobStore store = BlobStore.open(dir.resolve("store"));
    ResolvedImage resolved;
    try (OciLayoutReader reader = OciLayoutReader.open(image)) {
      assertTrue(reader.tags().contains("latest"), reader.tags().toString());
      resolved = reader.pull("latest", Platform.host(), store);
    }
    assertFalse(resolved.layers().isEmpty());
    assertEquals(resolved.layers().size(), resolved.config().rootfs().diffIds().size());
    for (Descriptor layer : resolved.layers()) {
      store.verify(layer.digest());
    }
    // unchanged bytes: the manifest we stored is the one the layout names
    assertEquals(resolved.manifest(), OciJson.read(store.readAll(resolved.digest()), io.jbuild.oci.ImageManifest.class));

    Path out = dir.resolve("out");
    OciLayoutWriter.writeDirectory(out, store, List.of(LayoutEntry.named(resolved.descriptor(), "busybox:copy")));
    Path bundle = dir.resolve("bundle");
    Tools.run("umoci", "unpack", "--image", out + ":copy", bundle.toString());
    assertTrue(Files.isRegularFile(bundle.resolve("rootfs/bin/busybox")));
    assertTrue(Files.isSymbolicLink(bundle.resolve("rootfs/bin/sh")));
  }
}
