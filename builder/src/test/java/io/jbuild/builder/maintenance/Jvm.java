package io.jbuild.builder.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts child JVMs on the test classpath (real processes for lock, crash and concurrency tests). */
final class Jvm {
  private Jvm() {}

  static ProcessBuilder of(Map<String, String> env, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("SOURCE_DATE_EPOCH");
    pb.environment().putAll(env);
    return pb;
  }

  static Process start(Map<String, String> env, String mainClass, String... args) throws IOException {
    return of(env, mainClass, args).start();
  }
}
