package io.jbuild.builder.output;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.store.LayerCache;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.layer.LayerApplier;
import io.jbuild.oci.layer.LayerWriter;
import io.jbuild.oci.layout.DockerArchiveWriter;
import io.jbuild.oci.layout.LayoutEntry;
import io.jbuild.oci.layout.OciLayoutWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The exporters of {@code --output}: {@code type=oci} (an OCI layout, as a tar or with
 * {@code tar=false} a directory), {@code type=docker} (a {@code docker load} archive),
 * {@code type=local} (the final filesystem in a directory) and {@code type=tar} (the final
 * filesystem as one tar). {@code dest=-} is not supported. Files are written to a temp name next to
 * the destination and renamed into place, so a failed export leaves no half-written file.
 */
public final class Exporters {
  private Exporters() {}

  /** The exporter for a spec; {@code image} and {@code registry} are handled by the builder itself. */
  public static Exporter of(OutputSpec spec) throws BuildException {
    String dest = spec.dest();
    if ("-".equals(dest)) {
      throw new BuildException("--output dest=- (stdout) is not supported; give a file or directory");
    }
    return switch (spec.type()) {
      case "oci" -> spec.flag("tar", true)
          ? s -> atomicFile(Path.of(dest), out -> OciLayoutWriter.writeTar(out, s.blobs(), entries(s, spec)))
          : s -> OciLayoutWriter.writeDirectory(Path.of(dest), s.blobs(), entries(s, spec));
      case "docker" -> s -> atomicFile(Path.of(dest), out -> DockerArchiveWriter.write(out, s.blobs(), entries(s, spec)));
      case "local" -> s -> rootfs(s, Path.of(dest));
      case "tar" -> s -> atomicFile(Path.of(dest), out -> {
        Path tmp = Files.createTempDirectory(parentOf(Path.of(dest)), ".jbuild-rootfs-");
        try {
          rootfs(s, tmp);
          LayerWriter.writeTar(TreeEntries.walk(tmp), null, out);
        } finally {
          LayerCache.deleteTree(tmp);
        }
      });
      default -> throw new BuildException("--output type=" + spec.type() + " is not an exporter");
    };
  }

  private static List<LayoutEntry> entries(ExportSubject s, OutputSpec spec) {
    Descriptor m = s.manifest();
    List<LayoutEntry> out = new ArrayList<>();
    String name = spec.attributes().get("name");
    List<String> names = name != null ? List.of(name.split(",")) : s.names();
    for (String n : names) {
      out.add(LayoutEntry.named(m, n));
    }
    if (out.isEmpty()) {
      out.add(LayoutEntry.of(m));
    }
    return out;
  }

  /** Applies the image's layers, base first, onto {@code dir}. */
  private static void rootfs(ExportSubject s, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Descriptor layer : s.state().layers()) {
      try (InputStream in = s.blobs().open(layer.digest())) {
        LayerApplier.apply(in, dir, LayerApplier.Options.defaults().withLabel(layer.digest().toString()));
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static Path parentOf(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return parent;
  }

  private static void atomicFile(Path dest, Body body) throws IOException {
    Path tmp = parentOf(dest).resolve("." + dest.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.write(out);
      }
      Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
