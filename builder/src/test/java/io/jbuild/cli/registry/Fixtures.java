package io.jbuild.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.registry.testing.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared inputs and checks of these tests: the example context, skopeo as oracle, error shape. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** {@code testdata/examples/hello}: a build without RUN (several layers, a full config). */
  static Path hello() {
    Path p = Path.of(System.getProperty("jbuild.repo", "..")).resolve("testdata/examples/hello");
    assumeTrue(Files.isDirectory(p), "no example " + p);
    return p;
  }

  /** {@code skopeo inspect [--raw] REF} (TLS verification off: the test registries are plain HTTP). */
  static JsonNode skopeoInspect(String ref, boolean raw) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "inspect", "--tls-verify=false"));
    if (raw) {
      cmd.add("--raw");
    }
    cmd.add(ref);
    return JSON.readTree(Commands.check(cmd.toArray(String[]::new)));
  }

  /**
   * Exit {@code exit} and exactly one error line {@code jbuild: PREFIX...} on stderr containing every
   * fragment, without a stack trace (progress lines may come before it, a usage hint after it).
   */
  static void assertError(Jbuild.Result r, int exit, String prefix, String... fragments) {
    assertEquals(exit, r.exit(), r.toString());
    List<String> errors = r.stderr().lines().filter(l -> l.startsWith("jbuild: ")).toList();
    assertEquals(1, errors.size(), r.toString());
    String error = errors.get(0);
    assertTrue(error.startsWith("jbuild: " + prefix), r.toString());
    assertFalse(r.stderr().contains("\tat "), "no stack trace:\n" + r);
    for (String f : fragments) {
      assertTrue(error.contains(f), "expected \"" + f + "\" in:\n" + r);
    }
  }

  /** A usage error: exit 2, {@code jbuild: MESSAGE...} first, at most a usage hint after it. */
  static void assertUsageError(Jbuild.Result r, String message) {
    assertError(r, 2, message);
    List<String> lines = r.stderr().lines().toList();
    assertTrue(lines.get(0).startsWith("jbuild: "), r.toString());
    assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).contains("--help"), r.toString());
  }

  /** {@link #assertError} with nothing else on stderr. */
  static void assertOneLineError(Jbuild.Result r, int exit, String prefix, String... fragments) {
    assertError(r, exit, prefix, fragments);
    assertEquals(1, r.stderr().lines().count(), r.toString());
  }
}
