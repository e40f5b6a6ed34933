package io.jbuild.builder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopedPathTest {
  @TempDir
  Path root;

  @Test
  void symlinksResolveInsideTheRoot() throws Exception {
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve("usr/lib"));
    Files.createSymbolicLink(root.resolve("abs"), Paths.get("/etc"));
    Files.createSymbolicLink(root.resolve("up"), Paths.get("../../../.."));
    Files.createSymbolicLink(root.resolve("lib"), Paths.get("usr/lib"));
    Files.createSymbolicLink(root.resolve("usr/lib/self"), Paths.get("../../lib"));
    assertEquals("etc/passwd", ScopedPath.resolve(root, "abs/passwd", true));
    assertEquals("etc/passwd", ScopedPath.resolve(root, "/abs/../abs/passwd", true));
    assertEquals("x", ScopedPath.resolve(root, "up/x", true));
    assertEquals("", ScopedPath.resolve(root, "up", true));
    assertEquals("up", ScopedPath.resolve(root, "up", false));
    assertEquals("usr/lib/f", ScopedPath.resolve(root, "lib/self/f", true));
    assertEquals("missing/a/b", ScopedPath.resolve(root, "missing/./a//b/", true));
    assertEquals("", ScopedPath.resolve(root, "../../..", true));
  }

  @Test
  void loopsAreAnError() throws Exception {
    Files.createSymbolicLink(root.resolve("l1"), Paths.get("l2"));
    Files.createSymbolicLink(root.resolve("l2"), Paths.get("/l1"));
    ContextException e = assertThrows(ContextException.class, () -> ScopedPath.resolve(root, "l1/x", true));
    assertTrue(e.getMessage().contains("too many levels of symbolic links"), e.getMessage());
  }

  @Test
  void lexicalEscapes() {
    assertTrue(ScopedPath.escapes("../x"));
    assertTrue(ScopedPath.escapes("a/../../x"));
    assertTrue(ScopedPath.escapes(".."));
    assertFalse(ScopedPath.escapes("a/../x"));
    assertFalse(ScopedPath.escapes("/../x"));
    assertFalse(ScopedPath.escapes("./x/.."));
    assertEquals("a/c", ScopedPath.clean("/a/b/../c/."));
    assertEquals("", ScopedPath.clean("/"));
  }
}
