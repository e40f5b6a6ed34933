package io.jbuild.cli.training;

import io.jbuild.cli.ExitCodes;
import io.jbuild.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The launcher's class-data training run (hidden): in one JVM, the commands a build machine runs
 * most — a build that pushes and exports its cache, a push of existing blobs, inspect, prune, pull,
 * and a build that imports the cache — against a {@link TrainingRegistry} on loopback, so that the
 * archive written at exit holds the HTTP, registry and cache classes as well as the build's. It
 * only runs with {@code JBUILD_HOME} set to an empty directory (it prunes that home).
 */
@Command(name = "train-cds", hidden = true, description = "Exercise jbuild for the launcher's class-data archive.")
public final class TrainCdsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONTEXT", description = "a build context with a Dockerfile")
  Path context;

  @Override
  public Integer call() throws IOException {
    String home = System.getenv("JBUILD_HOME");
    if (home == null || home.isBlank() || !isEmptyOrAbsent(Path.of(home))) {
      spec.commandLine().getErr().println("jbuild: train-cds needs JBUILD_HOME set to an empty directory");
      return ExitCodes.USAGE;
    }
    List<String> failed = new ArrayList<>();
    try (TrainingRegistry registry = new TrainingRegistry()) {
      String reg = registry.address();
      String ctx = context.toString();
      List<List<String>> steps = List.of(
          List.of("parse", "--json", ctx),
          List.of("build", "-q", "--progress=rawjson", "-t", reg + "/train/app:1", "--push",
              "--cache-to", "type=registry,ref=" + reg + "/train/cache:1", ctx),
          List.of("push", reg + "/train/app:1", reg + "/train/app:2"),
          List.of("inspect", reg + "/train/app:2"),
          List.of("prune", "--all"),
          List.of("pull", reg + "/train/app:1"),
          List.of("build", "-q", "--progress=plain", "-t", "train:2",
              "--cache-from", "type=registry,ref=" + reg + "/train/cache:1", ctx),
          List.of("du"));
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true);
      for (List<String> step : steps) {
        int code = Main.run(step.toArray(String[]::new), sink, sink);
        if (code != ExitCodes.OK) {
          failed.add(String.join(" ", step) + " (exit " + code + ")");
        }
      }
    }
    if (!failed.isEmpty()) {
      spec.commandLine().getErr().println("jbuild: train-cds: failed: " + String.join("; ", failed));
      return ExitCodes.BUILD_ERROR;
    }
    return ExitCodes.OK;
  }

  private static boolean isEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
