package io.jbuild.builder.warm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.grammar.DockerfileParser;
import io.jbuild.oci.Platform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseImagesTest {
  static final Platform AMD64 = Platform.parse("linux/amd64");

  static List<BaseImage> of(String dockerfile, Map<String, String> args) throws Exception {
    return BaseImages.of(DockerfileParser.parse("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8)),
        new BuildArgs(args), AMD64);
  }

  static List<String> refs(String dockerfile, Map<String, String> args) throws Exception {
    return of(dockerfile, args).stream().map(BaseImage::ref).toList();
  }

  @Test
  void expandsGlobalArgsAndSkipsStagesAndScratch() throws Exception {
    String df = """
        ARG REG=docker.io
        ARG BASE=${REG}/library/alpine:3.20
        FROM ${BASE} AS build
        FROM build AS test
        FROM scratch
        COPY --from=build /a /a
        COPY --from=busybox:1.36 /bin/busybox /busybox
        COPY --from=0 /b /b
        FROM $BASE
        """;
    assertEquals(List.of("docker.io/library/alpine:3.20", "busybox:1.36"), refs(df, Map.of()));
  }

  @Test
  void buildArgsOverrideDefaults() throws Exception {
    assertEquals(List.of("alpine:3.19"), refs("ARG V=3.20\nFROM alpine:${V}\n", Map.of("V", "3.19")));
    assertEquals(List.of("alpine:"), refs("ARG V\nFROM alpine:${V}\n", Map.of()));
  }

  @Test
  void stageNamesAreCaseInsensitiveAndOnlyEarlierOnesCount() throws Exception {
    assertEquals(List.of("later", "busybox"), refs("FROM later\nFROM busybox AS Later\nFROM LATER\n", Map.of()));
  }

  @Test
  void platformFlagIsExpanded() throws Exception {
    List<BaseImage> images = of("FROM --platform=$BUILDPLATFORM golang:1.22 AS b\nFROM --platform=linux/arm64 alpine\n",
        Map.of());
    assertEquals(Platform.host(), images.get(0).platform());
    assertEquals(Platform.parse("linux/arm64"), images.get(1).platform());
  }

  @Test
  void blankBaseIsAnErrorWithLocation() {
    BuildException e = assertThrows(BuildException.class, () -> refs("ARG B\nFROM ${B}\n", Map.of()));
    assertTrue(e.getMessage().contains("should not be blank"), e.getMessage());
  }
}
