package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.context.BuildContext;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever symlinks a context holds and whatever source paths a COPY names, the engine either
 * fails with a {@link CopyException} or copies bytes of files inside the context: never a host
 * file (every context file holds a {@code ctx:} marker; the host's files do not).
 */
class ConfinementProperties {
  static final List<String> TARGETS = List.of("/etc", "/etc/passwd", "../../..", "..", "../x", "a", "a/f", "/",
      "/proc/self", "b/../../..", "d/e", "loop");

  @Provide
  Arbitrary<List<String>> links() {
    return Arbitraries.of(TARGETS).list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> sources() {
    return Arbitraries.of(".", "l0", "l1/passwd", "l2/f", "l0/*", "l*", "a/../l1", "l3/etc/passwd", "d/l4/passwd",
        "/l0/hostname", "*/f", "l1/../f", "d/*/*");
  }

  @Property(tries = 60)
  void neverCopiesBytesFromOutsideTheContext(@ForAll("links") List<String> targets, @ForAll("sources") String src)
      throws Exception {
    Path root = Files.createTempDirectory("confine");
    try {
      Path ctx = Files.createDirectories(root.resolve("ctx"));
      Files.createDirectories(ctx.resolve("a"));
      Files.createDirectories(ctx.resolve("d/e"));
      Files.writeString(ctx.resolve("a/f"), "ctx:a/f");
      Files.writeString(ctx.resolve("f"), "ctx:f");
      Files.writeString(ctx.resolve("d/e/f"), "ctx:d/e/f");
      for (int i = 0; i < targets.size(); i++) {
        Path link = i == 4 ? ctx.resolve("d/l4") : ctx.resolve("l" + i);
        Files.createSymbolicLink(link, Paths.get(targets.get(i)));
      }
      Files.createSymbolicLink(ctx.resolve("loop"), Paths.get("loop"));
      CopyPlan plan;
      try {
        plan = CopyEngine.create(root.resolve("scratch"), Clock.systemUTC())
            .plan(CopyRequest.copy("Dockerfile:1", List.of(src), "/out/"), BuildContext.open(ctx, null), null);
      } catch (CopyException e) {
        assertTrue(e.getMessage().startsWith("Dockerfile:1: COPY failed: "), e.getMessage());
        return;
      }
      for (LayerEntry e : plan.entries()) {
        if (e.type() == EntryType.FILE) {
          try (InputStream in = e.content().open()) {
            String text = new String(in.readNBytes(64), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("ctx:"), e.path() + " holds bytes from outside the context: " + text);
          }
        }
        assertTrue(!e.path().contains(".."), e.path());
      }
    } finally {
      deleteTree(root);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
