package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbuild.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** umoci, which nobody here wrote, unpacks an image made of our layers; our applier must agree with it. */
class UmociInteropIT {
  @TempDir Path temp;

  @Test
  void umociUnpacksOurLayersLikeOurApplier() throws Exception {
    assumeTrue(LayerApplier.isRoot(), "umoci unpack needs root");
    byte[] big = new byte[3 << 20];
    new java.util.Random(3).nextBytes(big);
    Instant t = Instant.ofEpochSecond(1_700_000_000L);
    List<LayerEntry> first = List.of(
        LayerEntry.directory("etc").withMtime(t),
        LayerEntry.file("etc/hosts", "127.0.0.1 localhost\n".getBytes()).withMtime(t),
        LayerEntry.directory("app").withMtime(t),
        LayerEntry.file("app/old", "old".getBytes()).withMtime(t),
        LayerEntry.directory("app/sub").withMtime(t),
        LayerEntry.file("app/sub/deep", "deep".getBytes()).withMtime(t),
        LayerEntry.file("gone", "x".getBytes()).withMtime(t),
        LayerEntry.file("bin/tool", big).withMode(04755).withOwner(1000, 1000).withMtime(t),
        LayerEntry.directory("bin").withMtime(t),
        LayerEntry.hardlink("bin/tool2", "bin/tool"),
        LayerEntry.symlink("bin/sh", "tool").withMtime(t));
    List<LayerEntry> second = List.of(
        LayerEntry.whiteout("gone"),
        LayerEntry.opaque("app"),
        LayerEntry.directory("app").withMtime(t),
        LayerEntry.file("app/new", "new".getBytes()).withMtime(t),
        LayerEntry.file("ünïcödé/" + "n".repeat(150), "long".getBytes()).withMtime(t),
        LayerEntry.directory("ünïcödé").withMtime(t));

    Path layout = Files.createDirectories(temp.resolve("layout/blobs/sha256")).getParent().getParent();
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    List<String> layers = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (List<LayerEntry> entries : List.of(first, second)) {
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      LayerBlob b = LayerWriter.create(LayerWriter.Options.defaults()).write(entries, blob);
      Files.write(layout.resolve("blobs/sha256/" + b.digest().hex()), blob.toByteArray());
      layers.add("{\"mediaType\":\"" + b.mediaType() + "\",\"digest\":\"" + b.digest() + "\",\"size\":" + b.size()
          + "}");
      diffIds.add("\"" + b.diffId() + "\"");
    }
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[" + String.join(",", diffIds) + "]}}";
    Digest configDigest = blob(layout, config);
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
        + "\",\"size\":" + config.length() + "},\"layers\":[" + String.join(",", layers) + "]}";
    Digest manifestDigest = blob(layout, manifest);
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
        + manifest.length() + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"t\"}}]}");

    Path bundle = temp.resolve("bundle");
    Commands.run(temp, "umoci", "unpack", "--image", layout + ":t", bundle.toString());
    Path umoci = bundle.resolve("rootfs");

    Path ours = Files.createDirectory(temp.resolve("ours"));
    for (String layer : layers) {
      String hex = layer.substring(layer.indexOf("sha256:") + 7, layer.indexOf("sha256:") + 71);
      try (var in = Files.newInputStream(layout.resolve("blobs/sha256/" + hex))) {
        LayerApplier.apply(in, ours, LayerApplier.Options.defaults());
      }
    }
    assertEquals(describe(umoci), describe(ours));
    assertFalse(Files.exists(ours.resolve("gone")));
    assertFalse(Files.exists(ours.resolve("app/old")));
    assertFalse(Files.exists(ours.resolve("app/sub")));
    assertEquals("new", Files.readString(ours.resolve("app/new")));
    assertArrayEquals(big, Files.readAllBytes(umoci.resolve("bin/tool2")));
    assertTrue(Files.isSymbolicLink(umoci.resolve("bin/sh")));
  }

  private static Digest blob(Path layout, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(bytes);
    Files.write(layout.resolve("blobs/sha256/" + d.hex()), bytes);
    return d;
  }

  private static List<String> describe(Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> !p.equals(root)).sorted().toList()) {
        var a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
        String line = root.relativize(p) + " " + Integer.toOctalString((Integer) a.get("mode")) + " "
            + a.get("uid") + ":" + a.get("gid") + " nlink=" + a.get("nlink");
        if (Files.isSymbolicLink(p)) {
          line += " -> " + Files.readSymbolicLink(p);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          line += " " + Digest.sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p);
        }
        lines.add(line);
      }
    }
    return lines;
  }
}
