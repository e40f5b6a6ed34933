package io.jbuild.builder.store;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.layer.LayerApplier;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import io.jbuild.runtime.snapshot.OverlayFormat;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Extracted layers, {@code layers/<diffid hex>/}: each layer extracted once, alone, in overlay
 * lower-directory form ({@link LayerApplier.Mode#OVERLAY}: whiteouts as 0/0 character devices, opaque
 * directories marked with {@code trusted.overlay.opaque}), into a temp directory that is then renamed
 * into place atomically; so a directory under {@code layers/} is always complete and shared by every
 * build and process. The blob is verified while it is read. Opaque directories are marked in the
 * runtime's overlay format ({@link OverlayFormat#markOpaque}, the {@code userxattr} flavour the
 * runtime mounts with) in addition to what the applier writes.
 */
public final class LayerCache {
  private static final java.util.concurrent.ConcurrentHashMap<Digest, Object> EXTRACTING =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Path dir;
  private final BlobStore blobs;

  public LayerCache(Path dir, BlobStore blobs) {
    this.dir = dir;
    this.blobs = blobs;
  }

  /** The extracted directory of a layer, extracting it first when needed. */
  public Path extracted(Descriptor layer, Digest diffId) throws IOException {
    Path target = dir.resolve(diffId.hex());
    if (Files.isDirectory(target)) {
      return target;
    }
    // one extraction per layer in this process; other processes race safely through the rename
    synchronized (EXTRACTING.computeIfAbsent(diffId, d -> new Object())) {
      return extractOnce(layer, diffId, target);
    }
  }

  private Path extractOnce(Descriptor layer, Digest diffId, Path target) throws IOException {
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(dir);
    Path tmp = dir.resolve(".tmp-" + diffId.shortHex() + "-" + UUID.randomUUID());
    Files.createDirectory(tmp);
    try {
      List<String> opaque;
      try (InputStream in = blobs.open(layer.digest())) {
        // one pass: the applier reports the opaque directories it marked
        opaque = LayerApplier.apply(in, tmp, LayerApplier.Options.defaults().withMode(LayerApplier.Mode.OVERLAY)
            .withLabel(layer.digest().toString())).opaqueDirectories();
        in.transferTo(OutputStream.nullOutputStream());
      }
      Path realRoot = tmp.toRealPath();
      for (String dirPath : opaque) {
        Path d = dirPath.isEmpty() ? realRoot : tmp.resolve(dirPath);
        if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && d.toRealPath().startsWith(realRoot)) {
          OverlayFormat.markOpaque(d);
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // another thread or process finished the same layer first: theirs is complete too
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
    } catch (IOException e) {
      throw new IOException("extracting layer " + layer.digest() + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
    }
    return target;
  }

  /** Deletes a directory tree (no symlink is followed); absent is fine. */
  /**
   * Extracts every layer of an image (blobs in the manifest's order, diff ids from its config), as
   * {@code pull} and {@code warm} do so that the first build on top of it extracts nothing. A
   * concurrent extraction of the same layer may win the rename; a second attempt then finds the
   * complete directory.
   */
  public void extractAll(List<Descriptor> layers, List<Digest> diffIds) throws IOException {
    for (int i = 0; i < layers.size() && i < diffIds.size(); i++) {
      try {
        extracted(layers.get(i), diffIds.get(i));
      } catch (IOException first) {
        extracted(layers.get(i), diffIds.get(i));
      }
    }
  }

  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        if (!Files.isSymbolicLink(p) && Files.isDirectory(p)) {
          p.toFile().setWritable(true);
        }
        Files.deleteIfExists(p);
      }
    }
  }
}
