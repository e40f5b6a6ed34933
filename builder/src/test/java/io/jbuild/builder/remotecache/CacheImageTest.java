package io.jbuild.builder.remotecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache image format: deterministic, round-trips, rejects what is not ours; mode selection. */
class CacheImageTest {
  @TempDir Path tmp;
  CacheFixtures m;
  ImageState a1;
  ImageState a2;
  ImageState b1;
  CacheKey ka1;
  CacheKey ka2;
  CacheKey kb1;

  @BeforeEach
  void steps() throws IOException {
    m = CacheFixtures.machine(tmp.resolve("home"));
    a1 = m.step(m.base, "a1", "one");
    a2 = m.step(a1, "a2", "two");
    b1 = m.step(m.base, "b1", "other");
    ka1 = CacheFixtures.key(m.baseKey, "RUN a1");
    ka2 = CacheFixtures.key(ka1.toString(), "RUN a2");
    kb1 = CacheFixtures.key(m.baseKey, "RUN b1");
  }

  List<RecordedStep> all() {
    return List.of(new RecordedStep("a", ka1, a1), new RecordedStep("a", ka2, a2), new RecordedStep("b", kb1, b1));
  }

  @Test
  void sameStepsInAnyOrderGiveTheSameManifest() {
    List<RecordedStep> shuffled = new ArrayList<>(all());
    Collections.reverse(shuffled);
    assertEquals(CacheImage.of(all()).manifestDescriptor(), CacheImage.of(shuffled).manifestDescriptor());
  }

  @Test
  void layersAreTheDeduplicatedUnion() {
    CacheImage img = CacheImage.of(all());
    List<Digest> digests = img.layers().stream().map(Descriptor::digest).toList();
    assertEquals(digests.stream().distinct().count(), digests.size());
    // busybox base layer(s) + a1 + a2 + b1
    assertEquals(m.base.layers().size() + 3, digests.size());
    for (ImageState s : List.of(a1, a2, b1)) {
      s.layers().forEach(l -> assertTrue(digests.contains(l.digest())));
    }
    assertEquals(MediaTypes.OCI_MANIFEST, img.manifestDescriptor().mediaType());
    assertEquals(CacheConfig.MEDIA_TYPE, img.manifest().config().mediaType());
  }

  @Test
  void parsesBackToTheSameStates() throws IOException {
    CacheImage img = CacheImage.of(all());
    CacheImage back = CacheImage.parse(img.manifestDescriptor(), img.manifestBytes(), img.configBytes());
    assertEquals(img.config(), back.config());
    assertEquals(a2, back.config().steps().get(ka2.hex()));
    assertEquals(3, back.config().steps().size());
  }

  @Test
  void rejectsAnOrdinaryImageAndAWrongConfig() {
    CacheImage img = CacheImage.of(all());
    IOException e = assertThrows(IOException.class, () -> CacheImage.parse(img.manifestDescriptor(),
        img.manifestBytes(), "{\"schemaVersion\":1,\"steps\":{}}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    byte[] other = io.jbuild.oci.json.OciJson.write(io.jbuild.oci.ImageManifest.oci(
        Descriptor.of(MediaTypes.OCI_CONFIG, img.configDescriptor().digest(), img.configDescriptor().size()),
        img.layers()));
    e = assertThrows(IOException.class, () -> CacheImage.parse(img.manifestDescriptor(), other, img.configBytes()));
    assertTrue(e.getMessage().contains("not a jbuild cache"), e.getMessage());
    e = assertThrows(IOException.class, () -> CacheConfig.fromJson(
        "{\"schemaVersion\":2,\"steps\":{}}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
  }

  @Test
  void minModeKeepsOnlyTheFinalChain() {
    List<RecordedStep> min = CacheExporter.select(CacheMode.MIN, all(), a2);
    assertEquals(List.of(ka1, ka2), min.stream().map(RecordedStep::key).toList());
    assertEquals(3, CacheExporter.select(CacheMode.MAX, all(), a2).size());
  }
}
