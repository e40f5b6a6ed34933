package io.jbuild.builder.maintenance;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.BuildRequest;
import io.jbuild.builder.BuildResult;
import io.jbuild.builder.Builders;
import io.jbuild.builder.progress.RecordingProgress;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.NameIndex;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test contexts and builds on a given home, always with {@code SOURCE_DATE_EPOCH=0}. */
final class Homes {
  private Homes() {}

  /** Writes a context: a Dockerfile plus files (name to content). */
  static Path context(Path dir, String dockerfile, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    return dir;
  }

  /** Incompressible bytes, the same for the same seed. */
  static byte[] noise(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static BuildRequest request(Path context, String... tags) {
    return BuildRequest.of(context).withTags(List.of(tags)).withSourceDateEpoch(0L);
  }

  static BuildResult build(Path home, Path context, String... tags) throws BuildException {
    return Builders.local(new JbuildHome(home), new RecordingProgress()).build(request(context, tags));
  }

  static BlobStore blobs(Path home) throws IOException {
    JbuildHome h = new JbuildHome(home);
    return BlobStore.open(h.blobs(), h.tmp().resolve("ingest"));
  }

  /** The manifest of a name (normalised form, e.g. docker.io/library/x:1). */
  static ImageManifest manifest(Path home, String normalizedName) throws IOException {
    Descriptor d = new NameIndex(new JbuildHome(home).index()).get(normalizedName);
    return OciJson.read(blobs(home).readAll(d.digest()), ImageManifest.class);
  }

  /** Flips one byte in the middle of a blob (its size stays the same). */
  static void corrupt(Path home, Digest blob) throws IOException {
    Path p = blobs(home).path(blob);
    byte[] b = Files.readAllBytes(p);
    b[b.length / 2] ^= 0x5a;
    Files.write(p, b);
  }

  static long cacheEntries(Path home) throws IOException {
    Path dir = new JbuildHome(home).cache();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("[a-f0-9]{64}")).count();
    }
  }
}
