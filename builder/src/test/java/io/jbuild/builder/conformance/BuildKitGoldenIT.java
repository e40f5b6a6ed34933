package io.jbuild.builder.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jbuild.builder.BuildException;
import io.jbuild.builder.BuildRequest;
import io.jbuild.builder.Builders;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.output.OutputSpec;
import io.jbuild.builder.progress.RecordingProgress;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.oci.Platform;
import io.jbuild.oci.ResolvedImage;
import io.jbuild.oci.layout.OciLayoutReader;
import io.jbuild.registry.testing.BusyboxImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds every case of {@code testdata/buildkit-cases} with jbuild and compares the result with what
 * BuildKit produced ({@code expected/}, see {@code scripts/buildkit-golden}): the normalised config,
 * history and layer entries, or for a case BuildKit refused, a {@link BuildException} whose message
 * has the recorded keywords. {@code FROM busybox} is the test base image, named {@code busybox} in a
 * fresh store per case. Cases listed in {@code KNOWN-DIFFERENCES.md} must still differ: a fix fails
 * the test until the entry is removed.
 */
class BuildKitGoldenIT {
  @TempDir static Path tmp;
  static Path corpus;
  static Path busybox;
  static List<String> baseDiffIds;
  static KnownDifferences known;

  @BeforeAll
  static void setUp() throws IOException {
    corpus = Path.of(System.getProperty("jbuild.repo", "..")).resolve("testdata/buildkit-cases")
        .toAbsolutePath().normalize();
    busybox = BusyboxImage.layout().toAbsolutePath();
    baseDiffIds = ImageSummary.diffIds(busybox);
    known = KnownDifferences.read(corpus.resolve("KNOWN-DIFFERENCES.md"));
  }

  @Test
  void everyKnownDifferenceNamesACaseAndEveryCaseHasGoldenFiles() throws IOException {
    List<GoldenCase> cases = GoldenCase.all(corpus);
    assertTrue(cases.size() >= 40, "the corpus has " + cases.size() + " cases");
    List<String> names = cases.stream().map(GoldenCase::name).toList();
    for (String k : known.reasons().keySet()) {
      assertTrue(names.contains(k), "KNOWN-DIFFERENCES.md names " + k + ", which is not a case");
    }
    for (GoldenCase c : cases) {
      assertTrue(c.expectsError() || Files.exists(c.expected("image.json")) && Files.exists(c.expected("layers.txt")),
          c.name() + " has no expected/ files: run scripts/buildkit-golden " + c.name());
    }
  }

  /**
   * One dynamic test per case. The builds run ahead on {@code jbuild.golden.threads} threads (default
   * 2), each in its own store; {@code jbuild.golden.cases} (comma-separated names) narrows the run.
   */
  @TestFactory
  Stream<DynamicTest> casesMatchBuildKit() throws IOException {
    List<GoldenCase> cases = GoldenCase.all(corpus);
    String only = System.getProperty("jbuild.golden.cases", "");
    if (!only.isBlank()) {
      List<String> names = List.of(only.split(","));
      cases = cases.stream().filter(c -> names.contains(c.name())).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("jbuild.golden.threads", 2));
    Map<String, Future<List<String>>> results = new LinkedHashMap<>();
    for (GoldenCase c : cases) {
      results.put(c.name(), pool.submit(() -> differences(c)));
    }
    pool.shutdown();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, results.get(c.name()))));
  }

  private void check(GoldenCase c, Future<List<String>> result) throws Exception {
    List<String> diff;
    try {
      diff = result.get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new AssertionError(c.name() + ": the comparison itself failed: " + e.getCause(), e.getCause());
    }
    String reason = known.reasons().get(c.name());
    if (reason != null) {
      System.out.println("[buildkit-golden] " + c.name() + " (known: " + reason + ")\n  " + String.join("\n  ", diff));
      assertFalse(diff.isEmpty(), c.name() + " now matches BuildKit: remove it from KNOWN-DIFFERENCES.md");
      return;
    }
    if (!diff.isEmpty()) {
      fail(c.name() + " differs from BuildKit:\n  " + String.join("\n  ", diff));
    }
  }

  /** What differs between jbuild's build of the case and BuildKit's; empty when nothing does. */
  static List<String> differences(GoldenCase c) throws Exception {
    Path work = Files.createDirectories(tmp.resolve(c.name()));
    try {
      Path context = c.prepareContext(work.resolve("ctx"));
      Path home = work.resolve("home");
      preloadBusybox(home);
      Path out = work.resolve("oci");
      BuildRequest request = new BuildRequest(context, null, List.of(), BuildArgs.parse(c.buildArgs(), Map.of()),
          c.target(), null, true, List.of(OutputSpec.parse("type=oci,dest=" + out + ",tar=false")), null, null,
          "none", null, c.secrets(), false);
      try {
        Builders.local(new JbuildHome(home), new RecordingProgress()).build(request);
      } catch (BuildException e) {
        if (!c.expectsError()) {
          return List.of("jbuild failed where BuildKit built the image: " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        String message = String.valueOf(e.getMessage());
        for (String k : c.errorKeywords()) {
          if (!message.toLowerCase(Locale.ROOT).contains(k.toLowerCase(Locale.ROOT))) {
            missing.add("jbuild's error lacks \"" + k + "\" (BuildKit: " + c.errorMessage().orElse("?")
                + "; jbuild: " + message + ")");
          }
        }
        return missing;
      } catch (RuntimeException e) {
        return List.of("jbuild crashed: " + e);
      }
      if (c.expectsError()) {
        return List.of("jbuild built the image where BuildKit failed with: " + c.errorMessage().orElse("?"));
      }
      ImageSummary actual = ImageSummary.ofLayout(out, baseDiffIds);
      JsonNode expected = ImageSummary.JSON.readTree(c.expected("image.json").toFile());
      String expectedLayers = Files.readString(c.expected("layers.txt"), StandardCharsets.UTF_8);
      return Differences.between(expected, expectedLayers, actual);
    } finally {
      deleteTree(work);
    }
  }

  private static void preloadBusybox(Path home) throws Exception {
    LocalImageStore store = LocalImageStore.open(new JbuildHome(home));
    try (OciLayoutReader reader = OciLayoutReader.open(busybox)) {
      ResolvedImage image = reader.pull("latest", Platform.host(), store.blobs());
      assertEquals("docker.io/library/busybox:latest", store.tag("busybox", image.descriptor()));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        if (!Files.isSymbolicLink(p)) {
          p.toFile().setWritable(true);
        }
        Files.deleteIfExists(p);
      }
    }
  }
}
