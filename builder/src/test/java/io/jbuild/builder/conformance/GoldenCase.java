package io.jbuild.builder.conformance;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One case folder of the corpus: its Dockerfile and context, the options of its {@code args} file
 * ({@code K=V} build args, {@code target NAME}, {@code secret id=ID,src=FILE} with FILE relative to the
 * case folder) and the expected result: {@code expected/image.json} + {@code expected/layers.txt}, or
 * {@code expected/error.txt} when BuildKit refused to build it.
 */
record GoldenCase(String name, Path dir, List<String> buildArgs, String target, List<String> secrets) {
  /** Entries of a case folder that are not part of its build context. */
  static final Set<String> NOT_CONTEXT = Set.of("expected", "args", "setup.sh", "error-keywords");

  GoldenCase {
    buildArgs = List.copyOf(buildArgs);
    secrets = List.copyOf(secrets);
  }

  /** The cases under {@code root}: every folder holding a Dockerfile, sorted by name. */
  static List<GoldenCase> all(Path root) throws IOException {
    List<GoldenCase> out = new ArrayList<>();
    try (var list = Files.list(root)) {
      for (Path d : (Iterable<Path>) list.sorted()::iterator) {
        if (Files.isRegularFile(d.resolve("Dockerfile"))) {
          out.add(load(d));
        }
      }
    }
    return out;
  }

  /** Reads a case folder's {@code args} file; unknown lines are an error naming the file and line. */
  static GoldenCase load(Path dir) throws IOException {
    List<String> args = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    String target = null;
    Path file = dir.resolve("args");
    if (Files.exists(file)) {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        if (line.startsWith("target ")) {
          target = line.substring("target ".length()).strip();
        } else if (line.startsWith("secret ")) {
          secrets.add(resolveSecret(dir, line.substring("secret ".length()).strip()));
        } else if (line.contains("=")) {
          args.add(line);
        } else {
          throw new IOException(file + ":" + n + ": cannot read \"" + line + "\"");
        }
      }
    }
    return new GoldenCase(dir.getFileName().toString(), dir, args, target, secrets);
  }

  private static String resolveSecret(Path dir, String spec) {
    List<String> parts = new ArrayList<>();
    for (String kv : spec.split(",")) {
      int eq = kv.indexOf('=');
      String key = eq < 0 ? kv : kv.substring(0, eq);
      if (eq > 0 && (key.equals("src") || key.equals("source"))) {
        parts.add(key + "=" + dir.resolve(kv.substring(eq + 1)).toAbsolutePath());
      } else {
        parts.add(kv);
      }
    }
    return String.join(",", parts);
  }

  Path expected(String file) {
    return dir.resolve("expected").resolve(file);
  }

  /** True when BuildKit failed on this case ({@code expected/error.txt}). */
  boolean expectsError() {
    return Files.exists(expected("error.txt"));
  }

  /** The keywords BuildKit's error message contained ({@code keyword:} lines of error.txt). */
  List<String> errorKeywords() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(expected("error.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("keyword: ")) {
        out.add(line.substring("keyword: ".length()));
      }
    }
    return out;
  }

  /** BuildKit's error message ({@code message:} line of error.txt), if recorded. */
  Optional<String> errorMessage() throws IOException {
    return Files.readAllLines(expected("error.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("message: ")).map(l -> l.substring("message: ".length())).findFirst();
  }

  /**
   * Writes the build context into {@code dest} (a new directory): the case folder without its
   * non-context files, symlinks kept, then {@code setup.sh} run there (what git cannot carry:
   * hardlinks, empty directories, modes, archives).
   */
  Path prepareContext(Path dest) throws IOException, InterruptedException {
    Files.createDirectories(dest);
    try (var list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        if (!NOT_CONTEXT.contains(p.getFileName().toString())) {
          copyTree(p, dest.resolve(p.getFileName().toString()));
        }
      }
    }
    Path setup = dir.resolve("setup.sh");
    if (Files.exists(setup)) {
      Process p = new ProcessBuilder("sh", "-e", setup.toAbsolutePath().toString()).directory(dest.toFile())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("setup.sh of case " + name + " failed: " + out);
      }
    }
    return dest;
  }

  private static void copyTree(Path src, Path dest) throws IOException {
    Files.walkFileTree(src, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
        Files.createDirectories(dest.resolve(src.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Path to = src.equals(f) ? dest : dest.resolve(src.relativize(f).toString());
        Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  @Override
  public String toString() {
    return name;
  }
}
