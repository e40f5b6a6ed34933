package io.jbuild.oci.layout;

import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.History;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Tiny real images assembled in tests: gzip tar layers, a config with matching diff ids, a manifest. */
final class TestImages {
  private TestImages() {}

  /** An uncompressed tar with the given files (name → content) under a directory {@code etc/}. */
  static byte[] tar(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry dir = new TarArchiveEntry("etc/");
      dir.setMode(040755);
      dir.setModTime(0L);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setMode(0100644);
        e.setSize(content.length);
        e.setModTime(0L);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  /** Stores an image with one layer per map and returns its manifest descriptor. */
  static Descriptor image(BlobStore store, Platform platform, String cmd, List<Map<String, String>> layers)
      throws IOException {
    ImageConfig config = ImageConfig.scratch(platform)
        .withCreated(Instant.parse("2024-01-01T00:00:00Z"))
        .withConfig(ContainerConfig.EMPTY.withCmd(List.of("/bin/sh", "-c", cmd)).withEnvVar("PATH", "/bin"));
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (Map<String, String> files : layers) {
      byte[] raw = tar(files);
      layerDescriptors.add(store.put(MediaTypes.OCI_LAYER_GZIP, gzip(raw)));
      config = config.withLayer(Digest.sha256(raw), History.layer(null, "COPY files /", null));
    }
    Descriptor cfg = store.put(MediaTypes.OCI_CONFIG, OciJson.write(config));
    ImageManifest manifest = ImageManifest.oci(cfg, layerDescriptors);
    return store.put(MediaTypes.OCI_MANIFEST, OciJson.write(manifest));
  }

  static Descriptor simple(BlobStore store, String content) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("etc/hello.txt", content);
    return image(store, Platform.of("linux", "amd64", null), "cat /etc/hello.txt",
        List.of(files, Map.of("etc/second.txt", "two")));
  }
}
