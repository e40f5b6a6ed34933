package io.jbuild.builder.exec;

import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.runtime.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A read view of an image state's root filesystem: its extracted layers (from the layer cache)
 * stacked by the snapshotter. {@link #root()} is null for an image without layers. Close it to
 * unmount.
 */
public final class RootfsView implements AutoCloseable {
  private final Snapshot snapshot;

  private RootfsView(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** Opens a view of {@code state}'s filesystem. */
  public static RootfsView open(BuildServices svc, ImageState state) throws IOException {
    if (state.layers().isEmpty()) {
      return new RootfsView(null);
    }
    List<Path> lowers = lowerDirs(svc, state);
    Path work = svc.scratch().resolve("view-" + UUID.randomUUID());
    Files.createDirectories(svc.scratch());
    return new RootfsView(svc.snapshotter().prepare(lowers, work, List.of()));
  }

  /** The extracted layer directories of {@code state}, top-most first. */
  public static List<Path> lowerDirs(BuildServices svc, ImageState state) throws IOException {
    List<Path> lowers = new ArrayList<>();
    for (int i = state.layers().size() - 1; i >= 0; i--) {
      Descriptor blob = state.layers().get(i);
      lowers.add(svc.store().layers().extracted(blob, state.diffIds().get(i)));
    }
    return lowers;
  }

  /** The merged root, or null when the image has no layers. */
  public Path root() {
    return snapshot == null ? null : snapshot.rootfs();
  }

  @Override
  public void close() throws IOException {
    if (snapshot != null) {
      snapshot.close();
    }
  }
}
