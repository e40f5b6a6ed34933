package io.jbuild.registry.testing;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.json.OciJson;
import io.jbuild.registry.BlobSource;
import io.jbuild.registry.BlobSources;
import io.jbuild.registry.PushRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Small, valid OCI images assembled in memory: gzip-compressed tar layers with one file of
 * pseudo-random content each, a config listing their diff ids, and the manifest. Also writes an OCI
 * image layout (for {@code skopeo copy oci:DIR:TAG ...}).
 */
public final class TestImages {
  private TestImages() {}

  /** A blob with its bytes. */
  public record Blob(Descriptor descriptor, byte[] bytes) {
    public BlobSource source() {
      return BlobSources.ofBytes(descriptor.mediaType(), bytes);
    }
  }

  /** An image: config, layers and manifest, all bytes at hand. */
  public record Image(Blob config, List<Blob> layers, byte[] manifest, Platform platform) {
    public Digest digest() {
      return Digest.sha256(manifest);
    }

    public Descriptor manifestDescriptor() {
      return Descriptor.of(MediaTypes.OCI_MANIFEST, digest(), manifest.length).withPlatform(platform);
    }

    /** Every blob (config first). */
    public List<Blob> blobs() {
      List<Blob> all = new ArrayList<>();
      all.add(config);
      all.addAll(layers);
      return all;
    }

    public PushRequest pushRequest() {
      return pushRequest(List.of(), Map.of());
    }

    public PushRequest pushRequest(List<String> extraTags, Map<Digest, String> mountFrom) {
      return new PushRequest(blobs().stream().map(Blob::source).toList(), MediaTypes.OCI_MANIFEST, manifest,
          extraTags, mountFrom);
    }
  }

  /** An image for linux/amd64 with layers of the given (uncompressed file) sizes. */
  public static Image random(long seed, int... fileSizes) {
    return random(seed, Platform.of("linux", "amd64", null), fileSizes);
  }

  /** An image for {@code platform} with layers of the given file sizes. */
  public static Image random(long seed, Platform platform, int... fileSizes) {
    Random random = new Random(seed);
    List<Blob> layers = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (int i = 0; i < fileSizes.length; i++) {
      byte[] content = new byte[fileSizes[i]];
      random.nextBytes(content);
      byte[] tar = tar("file-" + seed + "-" + i, content);
      diffIds.add("\"" + Digest.sha256(tar) + "\"");
      byte[] gz = gzip(tar);
      layers.add(new Blob(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(gz), gz.length), gz));
    }
    String variant = platform.variant() == null ? "" : ",\"variant\":\"" + platform.variant() + "\"";
    byte[] config = ("{\"architecture\":\"" + platform.architecture() + "\",\"os\":\"" + platform.os() + "\""
        + variant + ",\"config\":{\"Env\":[\"SEED=" + seed + "\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
        + String.join(",", diffIds) + "]}}").getBytes(StandardCharsets.UTF_8);
    Blob configBlob = new Blob(Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length), config);
    ImageManifest m = ImageManifest.oci(configBlob.descriptor(), layers.stream().map(Blob::descriptor).toList());
    return new Image(configBlob, layers, OciJson.write(m), platform);
  }

  /** An OCI index over {@code images} (each with its platform). */
  public static byte[] index(List<Image> images) {
    return OciJson.write(ImageIndex.oci(images.stream().map(Image::manifestDescriptor).toList()));
  }

  /** Writes {@code image} as an OCI image layout at {@code dir} with tag {@code tag}. */
  public static void writeLayout(Path dir, Image image, String tag) throws IOException {
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    for (Blob b : image.blobs()) {
      Files.write(dir.resolve("blobs/sha256").resolve(b.descriptor().digest().hex()), b.bytes());
    }
    Files.write(dir.resolve("blobs/sha256").resolve(image.digest().hex()), image.manifest());
    Descriptor d = Descriptor.of(MediaTypes.OCI_MANIFEST, image.digest(), image.manifest().length)
        .withAnnotations(Map.of("org.opencontainers.image.ref.name", tag));
    Files.write(dir.resolve("index.json"), OciJson.write(ImageIndex.oci(List.of(d))));
  }

  /** A one-entry ustar archive holding a regular file. */
  static byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[512];
    put(header, 0, name, 100);
    put(header, 100, "0000644", 8);
    put(header, 108, "0000000", 8);
    put(header, 116, "0000000", 8);
    put(header, 124, String.format("%011o", content.length), 12);
    put(header, 136, "00000000000", 12);
    header[156] = '0';
    put(header, 257, "ustar", 6);
    put(header, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum), 7);
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] header, int offset, String value, int max) {
    byte[] b = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, header, offset, Math.min(b.length, max));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
