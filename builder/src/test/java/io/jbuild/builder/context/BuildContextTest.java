package io.jbuild.builder.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
  @TempDir
  Path tmp;

  @Test
  void missingOrFileContextIsAClearError() throws Exception {
    ContextException e = assertThrows(ContextException.class, () -> BuildContext.open(tmp.resolve("nope"), null));
    assertEquals("build context \"" + tmp.resolve("nope") + "\" does not exist", e.getMessage());
    Path file = Files.writeString(tmp.resolve("f"), "x");
    e = assertThrows(ContextException.class, () -> BuildContext.open(file, null));
    assertEquals("build context \"" + file + "\" is not a directory", e.getMessage());
  }

  @Test
  void dockerfileSpecificIgnoreFileTakesPrecedence() throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.writeString(ctx.resolve(".dockerignore"), "a\n");
    Files.createDirectories(ctx.resolve("sub"));
    Path dockerfile = Files.writeString(ctx.resolve("sub/app.Dockerfile"), "FROM scratch\n");
    Files.writeString(ctx.resolve("sub/app.Dockerfile.dockerignore"), "# only b\nb\n");
    BuildContext specific = BuildContext.open(ctx, dockerfile);
    assertEquals(ctx.resolve("sub/app.Dockerfile.dockerignore"), specific.ignoreFile().orElseThrow());
    assertTrue(specific.ignore().excluded("b"));
    assertTrue(!specific.ignore().excluded("a"));
    BuildContext general = BuildContext.open(ctx, ctx.resolve("Dockerfile"));
    assertEquals(ctx.resolve(".dockerignore"), general.ignoreFile().orElseThrow());
    assertTrue(general.ignore().excluded("a/deeper/file"));
  }

  @Test
  void malformedIgnorePatternNamesTheFile() throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.writeString(ctx.resolve(".dockerignore"), "ok\n[\n");
    ContextException e = assertThrows(ContextException.class, () -> BuildContext.open(ctx, null));
    assertTrue(e.getMessage().startsWith("reading " + ctx.toRealPath().resolve(".dockerignore") + ": invalid .dockerignore pattern \"[\""),
        e.getMessage());
  }

  @Test
  void walkIsSortedListsSymlinksAndHonoursReinclusion() throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.createDirectories(ctx.resolve("b/deep"));
    Files.writeString(ctx.resolve("b/deep/keep.txt"), "k");
    Files.writeString(ctx.resolve("b/deep/drop.txt"), "d");
    Files.createDirectories(ctx.resolve("gone/x"));
    Files.writeString(ctx.resolve("gone/x/f"), "f");
    Files.writeString(ctx.resolve("a.txt"), "a");
    Files.writeString(ctx.resolve("Z.txt"), "z");
    Files.createSymbolicLink(ctx.resolve("etc"), Paths.get("/etc"));
    Files.writeString(ctx.resolve(".dockerignore"), "b\n!b/deep/keep.txt\ngone\n.dockerignore\n");
    BuildContext c = BuildContext.open(ctx, null);
    List<String> paths = c.walk("").stream().map(t -> t.path() + (t.meta().kind() == FileKind.SYMLINK ? "@" : ""))
        .toList();
    assertEquals(List.of("", "Z.txt", "a.txt", "b", "b/deep", "b/deep/keep.txt", "etc@"), paths);
  }

  @Test
  void escapingSourcePathsAreRejected() throws Exception {
    BuildContext c = BuildContext.open(Files.createDirectories(tmp.resolve("ctx")), null);
    ContextException e = assertThrows(ContextException.class, () -> c.resolve("../x", true));
    assertEquals("copy source \"../x\" is outside the build context", e.getMessage());
    assertEquals("x", c.resolve("/x", true));
  }
}
