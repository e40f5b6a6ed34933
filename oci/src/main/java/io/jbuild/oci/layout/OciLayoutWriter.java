package io.jbuild.oci.layout;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.json.OciJson;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes OCI image layouts (image-spec image-layout.md): {@code oci-layout}
 * ({@code {"imageLayoutVersion":"1.0.0"}}), {@code index.json} with one descriptor per
 * {@link LayoutEntry}, and every blob reachable from the entries under {@code blobs/sha256/}. Blobs come
 * from a {@link BlobSource} and are verified while copied.
 */
public final class OciLayoutWriter {
  /** The content of the {@code oci-layout} file. */
  public static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

  private OciLayoutWriter() {}

  /**
   * Writes the layout as a reproducible tar to {@code out} (left open): the same entries and blobs
   * always give the same bytes. This is BuildKit's {@code --output type=oci,dest=FILE}.
   */
  public static void writeTar(OutputStream out, BlobSource source, List<LayoutEntry> entries) throws IOException {
    BlobClosure closure = BlobClosure.of(source, manifests(entries));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("oci-layout", OCI_LAYOUT);
    files.put("index.json", OciJson.write(index(entries)));
    LayoutTar.write(out, source, closure.blobs(), files);
  }

  /**
   * Writes or updates the layout directory {@code dir} (BuildKit's {@code type=oci,tar=false}). An
   * existing layout keeps its other entries; entries with a ref name that is written again are
   * replaced. Blobs are stored through temp files and atomic renames; {@code index.json} is replaced
   * atomically after all blobs are in place, so readers never see an index pointing to missing blobs.
   */
  public static void writeDirectory(Path dir, BlobSource source, List<LayoutEntry> entries) throws IOException {
    BlobClosure closure = BlobClosure.of(source, manifests(entries));
    Files.createDirectories(dir);
    Path ingest = Files.createTempDirectory(dir, ".ingest-");
    try {
      BlobStore target = BlobStore.open(dir, ingest);
      for (Descriptor blob : closure.blobs().values()) {
        target.copyFrom(source, blob);
      }
      List<Descriptor> merged = new ArrayList<>(existingEntries(dir, entries));
      for (LayoutEntry e : entries) {
        merged.add(e.indexDescriptor());
      }
      replace(dir.resolve("oci-layout"), OCI_LAYOUT, ingest);
      replace(dir.resolve("index.json"), OciJson.write(ImageIndex.oci(merged)), ingest);
    } finally {
      deleteTree(ingest);
    }
  }

  /** The {@code index.json} for {@code entries}. */
  public static ImageIndex index(List<LayoutEntry> entries) {
    List<Descriptor> manifests = new ArrayList<>();
    for (LayoutEntry e : entries) {
      manifests.add(e.indexDescriptor());
    }
    return ImageIndex.oci(manifests);
  }

  static List<Descriptor> manifests(List<LayoutEntry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an image layout needs at least one manifest");
    }
    List<Descriptor> out = new ArrayList<>();
    for (LayoutEntry e : entries) {
      out.add(e.manifest());
    }
    return out;
  }

  private static List<Descriptor> existingEntries(Path dir, List<LayoutEntry> entries) throws IOException {
    Path index = dir.resolve("index.json");
    if (!Files.isRegularFile(index)) {
      return List.of();
    }
    Set<String> replaced = new HashSet<>();
    for (LayoutEntry e : entries) {
      if (e.refName() != null) {
        replaced.add(e.refName());
      }
    }
    List<Descriptor> kept = new ArrayList<>();
    ImageIndex existing;
    try {
      existing = OciJson.read(Files.readAllBytes(index), ImageIndex.class);
    } catch (IOException e) {
      throw new InvalidLayoutException("updating oci layout " + dir + ": index.json: " + e.getMessage(), e);
    }
    for (Descriptor d : existing.manifests()) {
      String ref = d.annotations().get(LayoutEntry.REF_NAME_ANNOTATION);
      if (ref == null || !replaced.contains(ref)) {
        kept.add(d);
      }
    }
    return kept;
  }

  private static void replace(Path target, byte[] content, Path tempDir) throws IOException {
    Path temp = Files.createTempFile(tempDir, "file-", ".tmp");
    Files.write(temp, content);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
