package io.jbuild.builder;

import io.jbuild.builder.output.OutputSpec;
import io.jbuild.builder.progress.RecordingProgress;
import io.jbuild.builder.store.JbuildHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared helpers of the builder's integration tests: examples, builds, the CLI as a process, tools. */
public final class TestSupport {
  private TestSupport() {}

  public static Path repo() {
    return Path.of(System.getProperty("jbuild.repo", "../")).toAbsolutePath().normalize();
  }

  public static Path example(String name) {
    Path p = repo().resolve("testdata/examples").resolve(name);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("missing example " + p);
    }
    return p;
  }

  /** Copies an example into {@code dir} (symlinks kept as symlinks). */
  public static Path copyExample(String name, Path dir) throws IOException {
    Path src = example(name);
    Files.walkFileTree(src, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
        Files.createDirectories(dir.resolve(src.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Files.copy(f, dir.resolve(src.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
    return dir;
  }

  /** A build of {@code context} with the given options; the result plus what progress saw. */
  public record Built(BuildResult result, RecordingProgress progress) {}

  public static Built build(Path home, BuildRequest request) throws BuildException {
    RecordingProgress progress = new RecordingProgress();
    BuildResult r = Builders.local(new JbuildHome(home), progress).build(request);
    return new Built(r, progress);
  }

  public static BuildRequest ociDir(Path context, Path out, String tag) throws BuildException {
    return BuildRequest.of(context).withTags(List.of(tag))
        .withOutputs(List.of(OutputSpec.parse("type=oci,dest=" + out + ",tar=false")));
  }

  /** The result of running the CLI in a child JVM. */
  public record Cli(int exit, String stdout, String stderr) {}

  /** Runs {@code io.jbuild.cli.Main} in a child JVM with {@code JBUILD_HOME=home} and extra env. */
  public static Cli cli(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.jbuild.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("JBUILD_HOME", home.toString());
    pb.environment().remove("SOURCE_DATE_EPOCH");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("jbuild-cli", ".out");
    Path err = Files.createTempFile("jbuild-cli", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    int exit = p.waitFor();
    Cli r = new Cli(exit, Files.readString(out), Files.readString(err));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return r;
  }

  /** Runs a tool and returns its output; fails with its output when it exits non-zero. */
  public static String tool(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + ": exit " + p.exitValue() + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  /**
   * A listing of a tree: relative path to {@code type mode uid:gid [size|target]} (mode in octal,
   * without the type bits), symlinks not followed.
   */
  public static Map<String, String> listing(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.equals(root)) {
          continue;
        }
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        String type = Files.isSymbolicLink(p) ? "l" : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "d" : "f";
        String extra = type.equals("l") ? Files.readSymbolicLink(p).toString()
            : type.equals("f") ? a.get("size").toString() : "";
        out.put(root.relativize(p).toString(), type + " " + Integer.toOctalString(mode & 07777) + " "
            + a.get("uid") + ":" + a.get("gid") + " " + extra);
      }
    }
    return out;
  }

  public static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
