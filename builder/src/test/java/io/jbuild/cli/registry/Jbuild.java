package io.jbuild.cli.registry;

import io.jbuild.registry.testing.RegistryServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the jbuild command line in a child JVM (the surefire class path, {@link CliEntry} as main) with
 * an isolated environment: its own {@code JBUILD_HOME}, {@code DOCKER_CONFIG} and {@code HOME}, and no
 * podman auth files, so nothing of the machine's user leaks in or out.
 */
final class Jbuild {
  /** The outcome of one command. */
  record Result(int exit, String stdout, String stderr) {
    /** Everything the command printed. */
    String all() {
      return stdout + stderr;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private final Path home;
  private final Path dockerConfig;
  private final Map<String, String> env;

  private Jbuild(Path home, Path dockerConfig, Map<String, String> env) {
    this.home = home;
    this.dockerConfig = dockerConfig;
    this.env = Map.copyOf(env);
  }

  private static String snapshot;

  /**
   * The test JVM's class path with its class directories copied once to a temp folder, so the child JVMs
   * run the code this JVM loaded even while {@code target/classes} is being rebuilt.
   */
  static synchronized String classPath() throws IOException {
    if (snapshot == null) {
      Path root = Files.createTempDirectory("jbuild-cp-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> RegistryServer.deleteTreeForTests(root)));
      List<String> entries = new ArrayList<>();
      int i = 0;
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path source = Path.of(entry);
        if (Files.isDirectory(source)) {
          Path copy = root.resolve(Integer.toString(i++));
          copyTree(source, copy);
          entries.add(copy.toString());
        } else {
          entries.add(entry);
        }
      }
      snapshot = String.join(File.pathSeparator, entries);
    }
    return snapshot;
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  /** A user whose state lives below {@code dir}: {@code dir/home}, {@code dir/docker}, {@code dir/user}. */
  static Jbuild in(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("user"));
    return new Jbuild(dir.resolve("home"), dir.resolve("docker"), Map.of("HOME", dir.resolve("user").toString()));
  }

  /** The same user with an extra environment variable. */
  Jbuild withEnv(String name, String value) {
    Map<String, String> e = new LinkedHashMap<>(env);
    e.put(name, value);
    return new Jbuild(home, dockerConfig, e);
  }

  /** {@code $DOCKER_CONFIG/config.json}. */
  Path dockerConfigFile() {
    return dockerConfig.resolve("config.json");
  }

  Result run(String... args) throws IOException, InterruptedException {
    return runWithInput(null, args);
  }

  /** Runs with {@code stdin} (UTF-8) as standard input; {@code null} for an empty one. */
  Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(CliEntry.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> e = pb.environment();
    e.remove("REGISTRY_AUTH_FILE");
    e.remove("XDG_RUNTIME_DIR");
    e.remove("XDG_DATA_HOME");
    e.remove("SOURCE_DATE_EPOCH");
    e.remove("JBUILD_PROGRESS");
    e.put("JBUILD_HOME", home.toString());
    e.put("DOCKER_CONFIG", dockerConfig.toString());
    e.putAll(env);
    Path out = Files.createTempFile("jbuild-out", ".txt");
    Path err = Files.createTempFile("jbuild-err", ".txt");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("jbuild " + String.join(" ", args) + ": timed out");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
