package io.jbuild.oci.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.HealthConfig;
import io.jbuild.oci.History;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import io.jbuild.oci.RootFs;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** write → read → write round trips: values are equal and bytes are stable. */
class OciJsonProperties {

  @Property(tries = 200)
  void imageConfigRoundTrips(@ForAll("configs") ImageConfig config) throws Exception {
    byte[] json = OciJson.write(config);
    ImageConfig back = OciJson.read(json, ImageConfig.class);
    assertEquals(config, back);
    assertArrayEquals(json, OciJson.write(back));
    assertEquals(config, OciJson.read(OciJson.writeIndented(config), ImageConfig.class));
  }

  @Property(tries = 200)
  void manifestRoundTrips(@ForAll("manifests") ImageManifest manifest) throws Exception {
    byte[] json = OciJson.write(manifest);
    assertEquals(manifest, OciJson.read(json, ImageManifest.class));
    assertEquals(manifest.mediaType(), OciJson.mediaTypeOf(json));
  }

  @Property(tries = 200)
  void indexRoundTrips(@ForAll("indexes") ImageIndex index) throws Exception {
    byte[] json = OciJson.write(index);
    assertEquals(index, OciJson.read(json, ImageIndex.class));
    assertArrayEquals(json, OciJson.write(OciJson.read(OciJson.writeIndented(index), ImageIndex.class)));
  }

  static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(12)
        .filter(s -> s.codePoints().noneMatch(c -> Character.isSurrogate((char) c)));
  }

  static Arbitrary<String> maybeText() {
    return text().injectNull(0.3).map(s -> s != null && s.isEmpty() ? null : s);
  }

  static Arbitrary<Digest> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> new Digest("sha256", HexFormat.of().formatHex(b)));
  }

  static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(-62135596800L, 253402300799L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)))
        .injectNull(0.3);
  }

  static Arbitrary<Duration> durations() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE / 2).map(Duration::ofNanos);
  }

  static Arbitrary<Platform> platforms() {
    return Combinators.combine(Arbitraries.of("linux", "windows"), Arbitraries.of("amd64", "arm64", "arm", "s390x"),
        Arbitraries.of("v7", "v8").injectNull(0.6), Arbitraries.of("10.0.17763").injectNull(0.8),
        text().list().ofMaxSize(2))
        .as(Platform::new);
  }

  static Arbitrary<HealthConfig> health() {
    return Combinators.combine(text().list().ofMaxSize(3), durations(), durations(), durations(), durations(),
        Arbitraries.integers().between(0, 10)).as(HealthConfig::new).injectNull(0.5);
  }

  static Arbitrary<ContainerConfig> containerConfigs() {
    Arbitrary<List<String>> lists = text().list().ofMaxSize(3);
    return Combinators.combine(maybeText(), text().set().ofMaxSize(3), lists, lists, lists, text().set().ofMaxSize(2),
        maybeText(), Arbitraries.maps(text(), text()).ofMaxSize(3)).as(
            (user, ports, env, ep, cmd, vols, wd, labels) ->
                new ContainerConfig(user, ports, env, ep, cmd, vols, wd, labels, null, false, null, null, null))
        .flatMap(c -> Combinators.combine(maybeText(), Arbitraries.of(true, false), health(),
            text().list().ofMaxSize(2), text().list().ofMaxSize(2))
            .as((sig, esc, hc, onb, sh) -> c.withStopSignal(sig).withArgsEscaped(esc).withHealthcheck(hc)
                .withOnBuild(onb).withShell(sh)));
  }

  static Arbitrary<History> histories() {
    return Combinators.combine(instants(), maybeText(), maybeText(), maybeText(), Arbitraries.of(true, false))
        .as(History::new);
  }

  @Provide
  Arbitrary<ImageConfig> configs() {
    return Combinators.combine(instants(), maybeText(), platforms(), containerConfigs(),
        digests().list().ofMaxSize(4), histories().list().ofMaxSize(4))
        .as((created, author, platform, cc, ids, hist) -> ImageConfig.scratch(platform)
            .withCreated(created).withAuthor(author).withConfig(cc).withRootfs(RootFs.of(ids)).withHistory(hist));
  }

  static Arbitrary<Descriptor> descriptors() {
    return Combinators.combine(Arbitraries.of(MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.OCI_LAYER_ZSTD),
        digests(), Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.maps(text(), text()).ofMaxSize(2))
        .as((mt, d, size, ann) -> Descriptor.of(mt, d, size).withAnnotations(ann));
  }

  @Provide
  Arbitrary<ImageManifest> manifests() {
    return Combinators.combine(Arbitraries.of(MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST),
        descriptors(), descriptors().list().ofMaxSize(4), Arbitraries.maps(text(), text()).ofMaxSize(2))
        .as((mt, cfg, layers, ann) -> new ImageManifest(2, mt, null, cfg, layers, null, ann));
  }

  @Provide
  Arbitrary<ImageIndex> indexes() {
    Arbitrary<Descriptor> entries = Combinators.combine(descriptors(), platforms().injectNull(0.3))
        .as(Descriptor::withPlatform);
    return Combinators.combine(Arbitraries.of(MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST),
        entries.list().ofMaxSize(4), Arbitraries.maps(text(), text()).ofMaxSize(2))
        .as((mt, ms, ann) -> new ImageIndex(2, mt, ms, ann));
  }
}
