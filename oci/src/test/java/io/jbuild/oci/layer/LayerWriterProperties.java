package io.jbuild.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbuild.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class LayerWriterProperties {

  @Property(tries = 60)
  void writeThenReadGivesTheSortedNormalisedEntries(@ForAll long seed) throws IOException {
    RandomLayers.Generated g = RandomLayers.generate(seed, true);
    Compression c = Compression.values()[Math.floorMod(seed, 3)];
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    LayerWriter.create(LayerWriter.Options.defaults().withCompression(c).withThreads(2)).write(g.entries(), blob);

    List<LayerEntry> expected = new ArrayList<>();
    for (LayerEntry e : LayerWriter.prepare(g.entries(), null)) {
      expected.add(e.withMtime(Instant.ofEpochSecond(e.mtime().getEpochSecond())));
    }
    List<LayerEntry> read = new ArrayList<>();
    Map<String, byte[]> contents = new TreeMap<>();
    LayerReader.read(new ByteArrayInputStream(blob.toByteArray()), (e, in) -> {
      read.add(e);
      if (e.type() == EntryType.FILE) {
        contents.put(e.path(), in.readAllBytes());
      }
    });
    assertEquals(expected, read);
    Map<String, byte[]> expectedContents = new TreeMap<>();
    for (LayerEntry e : expected) {
      if (e.type() == EntryType.FILE) {
        expectedContents.put(e.path(), readAll(e.content()));
      }
    }
    assertEquals(expectedContents.keySet(), contents.keySet());
    for (String p : contents.keySet()) {
      assertArrayEquals(expectedContents.get(p), contents.get(p), p);
    }
  }

  @Property(tries = 40)
  void anyInputOrderGivesTheSameBlob(@ForAll long seed) throws IOException {
    RandomLayers.Generated g = RandomLayers.generate(seed, true);
    List<LayerEntry> shuffled = new ArrayList<>(g.entries());
    Collections.shuffle(shuffled, new Random(~seed));
    Compression c = Compression.values()[Math.floorMod(seed, 3)];
    LayerWriter.Options one = LayerWriter.Options.defaults().withCompression(c).withThreads(1)
        .withSourceDateEpoch(Instant.ofEpochSecond(1_600_000_000L));
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    LayerBlob first = LayerWriter.create(one).write(g.entries(), a);
    LayerBlob second = LayerWriter.create(one.withThreads(3)).write(shuffled, b);
    assertEquals(first, second);
    assertArrayEquals(a.toByteArray(), b.toByteArray());
  }

  @Property(tries = 40)
  void digestsDescribeTheBytesWritten(@ForAll long seed) throws IOException {
    RandomLayers.Generated g = RandomLayers.generate(seed, false);
    Compression c = Compression.values()[Math.floorMod(seed, 3)];
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    LayerBlob result = LayerWriter.create(LayerWriter.Options.defaults().withCompression(c)).write(g.entries(), blob);
    byte[] bytes = blob.toByteArray();
    assertEquals(Digest.sha256(bytes), result.digest());
    assertEquals(bytes.length, result.size());
    byte[] tar = LayerReader.decompress(new ByteArrayInputStream(bytes)).readAllBytes();
    assertEquals(Digest.sha256(tar), result.diffId());
    assertEquals(tar.length, result.uncompressedSize());
    assertEquals(0, tar.length % 512);
    assertEquals(c.mediaType(), result.mediaType());
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    LayerWriter.writeTar(g.entries(), null, plain);
    assertArrayEquals(tar, plain.toByteArray());
  }

  @Property(tries = 30)
  void sourceDateEpochClampsEveryTime(@ForAll long seed) throws IOException {
    RandomLayers.Generated g = RandomLayers.generate(seed, false);
    Instant epoch = Instant.ofEpochSecond(1_000_000_000L);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    LayerWriter.writeTar(g.entries(), epoch, plain);
    for (LayerEntry e : LayerReader.list(new ByteArrayInputStream(plain.toByteArray()))) {
      Instant original = LayerWriter.prepare(g.entries(), null).stream()
          .filter(x -> x.tarPath().equals(e.tarPath())).findFirst().orElseThrow().mtime();
      Instant want = original.isAfter(epoch) ? epoch : original;
      assertEquals(want.getEpochSecond(), e.mtime().getEpochSecond(), e.path());
    }
  }

  private static byte[] readAll(ContentSource source) throws IOException {
    try (InputStream in = source.open()) {
      return in.readAllBytes();
    }
  }
}
