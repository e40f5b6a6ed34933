package io.jbuild.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformMatcherTest {
  private static Descriptor entry(int n, String platform) {
    Descriptor d = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[] {(byte) n}), 10);
    return platform == null ? d : d.withPlatform(Platform.parse(platform));
  }

  private static Optional<String> pick(List<Descriptor> index, String wanted) {
    return PlatformMatcher.best(index, Platform.parse(wanted)).map(d -> d.platform().format());
  }

  @Test
  void picksExactAndCompatibleVariants() {
    List<Descriptor> index = List.of(entry(0, null), entry(1, "unknown/unknown"), entry(2, "linux/amd64"),
        entry(3, "linux/arm/v6"), entry(4, "linux/arm/v7"), entry(5, "linux/arm64/v8"), entry(6, "windows/amd64"));
    assertEquals(Optional.of("linux/amd64"), pick(index, "linux/amd64"));
    assertEquals(Optional.of("linux/arm/v7"), pick(index, "linux/arm/v7"));
    assertEquals(Optional.of("linux/arm/v7"), pick(index, "linux/arm"));
    assertEquals(Optional.of("linux/arm/v6"), pick(index, "linux/arm/v6"));
    assertEquals(Optional.of("linux/arm64"), pick(index, "linux/arm64"));
    assertEquals(Optional.of("linux/arm64"), pick(index, "linux/aarch64"));
    assertEquals(Optional.of("windows/amd64"), pick(index, "windows/amd64"));
    assertTrue(pick(index, "linux/ppc64le").isEmpty());
    assertTrue(pick(index, "linux/arm/v5").isEmpty(), "v5 cannot run v6/v7 images");
  }

  @Test
  void olderArmVariantIsAFallbackNewerIsNot() {
    List<Descriptor> index = List.of(entry(1, "linux/arm/v5"), entry(2, "linux/arm/v6"));
    assertEquals(Optional.of("linux/arm/v6"), pick(index, "linux/arm/v7"));
    assertEquals(Optional.of("linux/arm/v5"), pick(List.of(entry(1, "linux/arm/v5")), "linux/arm/v6"));
    assertTrue(pick(List.of(entry(3, "linux/arm/v8")), "linux/arm/v7").isEmpty());
  }

  @Test
  void amd64VariantsAreAcceptedWhenNoneIsAsked() {
    List<Descriptor> index = List.of(entry(1, "linux/amd64/v3"), entry(2, "linux/amd64"));
    assertEquals(Optional.of("linux/amd64"), pick(index, "linux/amd64"));
    assertEquals(Optional.of("linux/amd64/v3"), pick(List.of(entry(1, "linux/amd64/v3")), "linux/amd64"));
  }
}
