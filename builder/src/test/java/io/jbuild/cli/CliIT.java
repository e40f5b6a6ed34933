package io.jbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jbuild.builder.TestSupport;
import io.jbuild.builder.TestSupport.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it (a child JVM): exit codes, one-line errors, quiet output, files. */
class CliIT {
  @TempDir Path tmp;

  private Cli jbuild(String... args) throws Exception {
    return TestSupport.cli(tmp.resolve("home"), Map.of(), args);
  }

  private Path dockerfile(String text) throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.writeString(ctx.resolve("Dockerfile"), text);
    return ctx;
  }

  private static void assertOneLineError(Cli r, int exit, String message) {
    assertEquals(exit, r.exit(), r.stderr());
    assertEquals("jbuild: " + message + "\n", r.stderr());
    assertFalse(r.stderr().contains("\tat "), "no stack trace for user errors");
  }

  @Test
  void buildIsTheDefaultCommandAndQuietPrintsOnlyTheDigest() throws Exception {
    Path iid = tmp.resolve("iid");
    Path meta = tmp.resolve("meta.json");
    Cli r = jbuild("-q", "-t", "demo:1", "--iidfile", iid.toString(), "--metadata-file", meta.toString(),
        TestSupport.example("hello").toString());
    assertEquals(0, r.exit(), r.stderr());
    assertTrue(r.stdout().matches("sha256:[0-9a-f]{64}\n"), r.stdout());
    assertEquals("", r.stderr());
    JsonNode m = new ObjectMapper().readTree(meta.toFile());
    assertEquals(r.stdout().trim(), m.get("containerimage.digest").asText());
    assertEquals(Files.readString(iid), m.get("containerimage.config.digest").asText());
    assertEquals("docker.io/library/demo:1", m.get("image.name").asText());
    Cli images = jbuild("images");
    assertTrue(images.stdout().contains("demo:1"), images.stdout());
    assertEquals(0, jbuild("rmi", "demo:1").exit());
    assertFalse(jbuild("images").stdout().contains("demo:1"));
    Cli prune = jbuild("prune");
    assertEquals(0, prune.exit());
    assertTrue(prune.stdout().startsWith("removed "), prune.stdout());
  }

  @Test
  void plainProgressShowsStepsWithCacheState() throws Exception {
    String ctx = TestSupport.example("hello").toString();
    jbuild("--progress=plain", ctx);
    Cli r = jbuild("--progress=plain", ctx);
    assertEquals(0, r.exit(), r.stderr());
    assertTrue(r.stderr().contains("[stage-0 2/4] COPY app/ ./  CACHED"), r.stderr());
  }

  @Test
  void badInputIsOneLineWithExitCodeOne() throws Exception {
    assertOneLineError(jbuild(tmp.resolve("nope").toString()), 1,
        "unable to prepare context: path \"" + tmp.resolve("nope") + "\" not found");
    Path ctx = dockerfile("FROM scratch\nCOPY missing.txt /x\n");
    Cli missing = jbuild(ctx.toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.stderr().startsWith("jbuild: Dockerfile:2:1: COPY failed:"), missing.stderr());
    assertTrue(missing.stderr().contains("missing.txt"), missing.stderr());
    assertOneLineError(jbuild("--target", "nope", ctx.toString()), 1, "target stage \"nope\" could not be found");
    assertOneLineError(jbuild("--build-arg", "=x", ctx.toString()), 1,
        "invalid --build-arg \"=x\": expected KEY=VALUE or KEY");
    assertOneLineError(jbuild("-f", tmp.resolve("none").toString(), ctx.toString()), 1,
        "failed to read dockerfile: open " + tmp.resolve("none") + ": no such file or directory");
    assertOneLineError(jbuild(dockerfile("FROM scratch\nRUNN x\n").toString()), 1,
        "Dockerfile:2:1: unknown instruction: RUNN (did you mean RUN?)");
  }

  @Test
  void unknownStageIndexAndUsageErrors() throws Exception {
    Cli r = jbuild(dockerfile("FROM scratch\nCOPY --from=5 /a /b\n").toString());
    assertEquals(1, r.exit(), r.stderr());
    assertTrue(r.stderr().startsWith("jbuild: Dockerfile:2:1: invalid stage index 5"), r.stderr());
    Cli usage = jbuild("--bogus", ".");
    assertEquals(2, usage.exit());
    assertTrue(usage.stderr().startsWith("jbuild: Unknown option: '--bogus'"), usage.stderr());
    assertEquals(2, jbuild("--compression", "lz4", ".").exit());
  }

  @Test
  void parsePrintsJson() throws Exception {
    Cli r = jbuild("parse", "--json", TestSupport.example("hello").toString());
    assertEquals(0, r.exit(), r.stderr());
    JsonNode json = new ObjectMapper().readTree(r.stdout());
    assertEquals("scratch", json.get("stages").get(0).get("base").asText());
    assertEquals(0, jbuild("version").exit());
  }
}
