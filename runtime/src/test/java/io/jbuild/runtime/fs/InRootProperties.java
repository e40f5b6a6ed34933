package io.jbuild.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class InRootProperties {
  private static final Path ROOT;

  static {
    try {
      ROOT = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp").toAbsolutePath()), "inroot");
      Files.createDirectories(ROOT.resolve("a/b"));
      Files.createSymbolicLink(ROOT.resolve("up"), Path.of("../../../.."));
      Files.createSymbolicLink(ROOT.resolve("abs"), Path.of("/a"));
      Files.createSymbolicLink(ROOT.resolve("a/rel"), Path.of("b"));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("..", ".", "a", "b", "up", "abs", "rel", "x", "")
        .list()
        .ofMaxSize(8)
        .map(l -> "/" + String.join("/", l));
  }

  @Property(tries = 500)
  void resolvedPathsNeverLeaveTheRoot(@ForAll("paths") String path) throws Exception {
    Path p = InRoot.resolve(ROOT, path);
    assertTrue(p.normalize().startsWith(ROOT), path + " -> " + p);
    for (String c : InRoot.resolveComponents(ROOT, path)) {
      assertFalse(c.equals("..") || c.equals(".") || c.isEmpty(), path);
    }
  }

  @Test
  void symlinksAreFollowedInsideTheRoot() throws Exception {
    assertEquals(List.of("a", "b"), InRoot.resolveComponents(ROOT, "/abs/rel"));
    assertEquals(List.of("a"), InRoot.resolveComponents(ROOT, "/up/a"));
    assertEquals(List.of("a", "b", "c"), InRoot.resolveComponents(ROOT, "/a/rel/c"));
    assertEquals(List.of(), InRoot.resolveComponents(ROOT, "/../.."));
  }
}
