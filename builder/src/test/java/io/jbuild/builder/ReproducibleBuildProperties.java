package io.jbuild.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Same inputs, same image: generated contexts written twice (different mtimes, different write
 * order, different homes standing for different machines) build to the same manifest digest with
 * {@code SOURCE_DATE_EPOCH}.
 */
class ReproducibleBuildProperties {

  record Spec(String path, byte[] content, boolean executable) {}

  @Provide
  Arbitrary<Map<String, Spec>> contexts() {
    Arbitrary<String> segment = Arbitraries.strings().withChars("abcxyz_-. ").ofMinLength(1).ofMaxLength(6)
        .filter(s -> !s.equals(".") && !s.equals("..") && !s.startsWith(".wh.") && !s.isBlank());
    Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<Spec> spec = Combinators.combine(path, Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
        Arbitraries.of(true, false)).as(Spec::new);
    return spec.list().ofMinSize(1).ofMaxSize(6).map(list -> {
      Map<String, Spec> byPath = new java.util.TreeMap<>();
      for (Spec s : list) {
        // a path cannot be both a file and a directory
        boolean clash = byPath.keySet().stream().anyMatch(p -> p.startsWith(s.path() + "/") || s.path().startsWith(p + "/"));
        if (!clash) {
          byPath.put(s.path(), s);
        }
      }
      return byPath;
    });
  }

  @Property(tries = 6)
  void sameContextSameDigestOnAnyMachine(@ForAll("contexts") Map<String, Spec> files) throws Exception {
    Path root = Files.createTempDirectory("jbuild-repro");
    try {
      Path a = write(root.resolve("a"), files, false, Instant.parse("2020-01-01T00:00:00Z"));
      Path b = write(root.resolve("b"), files, true, Instant.parse("2024-06-01T12:34:56Z"));
      String da = TestSupport.build(root.resolve("home-a"), BuildRequest.of(a).withSourceDateEpoch(86400L))
          .result().manifest().digest().toString();
      String db = TestSupport.build(root.resolve("home-b"), BuildRequest.of(b).withSourceDateEpoch(86400L))
          .result().manifest().digest().toString();
      assertEquals(da, db);
    } finally {
      try (Stream<Path> w = Files.walk(root)) {
        w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Path write(Path ctx, Map<String, Spec> files, boolean reverse, Instant mtime) throws IOException {
    Files.createDirectories(ctx);
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /data/\n");
    var order = new java.util.ArrayList<>(files.values());
    if (reverse) {
      java.util.Collections.reverse(order);
    }
    for (Spec s : order) {
      Path f = ctx.resolve(s.path());
      Files.createDirectories(f.getParent());
      Files.write(f, s.content());
      Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
      if (s.executable()) {
        perms.add(PosixFilePermission.OWNER_EXECUTE);
      }
      Files.setPosixFilePermissions(f, perms);
      Files.setLastModifiedTime(f, FileTime.from(mtime));
    }
    return ctx;
  }
}
