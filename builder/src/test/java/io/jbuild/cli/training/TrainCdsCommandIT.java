package io.jbuild.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run, in its own JVM as the launcher starts it (JBUILD_HOME is read from the environment). */
class TrainCdsCommandIT {
  private static final Path HELLO = Paths.get(System.getProperty("jbuild.repo", "."), "testdata/examples/hello");

  private static Result run(Path home) throws IOException, InterruptedException {
    Path log = Files.createTempFile("train-cds", ".log");
    ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens", "java.net.http/jdk.internal.net.http=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "io.jbuild.cli.Main", "train-cds", HELLO.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JBUILD_HOME", home.toString());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "train-cds finished");
    String out = Files.readString(log);
    Files.delete(log);
    return new Result(p.exitValue(), out);
  }

  private record Result(int code, String output) {}

  @Test
  void everyTrainingStepSucceedsAgainstTheInMemoryRegistry(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("home");
    Result r = run(home);
    assertEquals(0, r.code(), r.output());
    // the last build imported the pushed cache and named its image in the training home
    assertTrue(Files.readString(home.resolve("index.json")).contains("train:2"), "image train:2 stored");
  }

  @Test
  void refusesAHomeThatIsNotEmpty(@TempDir Path tmp) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path precious = Files.writeString(home.resolve("precious"), "keep me");
    Result r = run(home);
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("empty directory"), r.output());
    assertEquals(List.of(precious), Files.list(home).toList());
  }
}
