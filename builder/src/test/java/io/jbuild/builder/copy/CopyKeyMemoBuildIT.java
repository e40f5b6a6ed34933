package io.jbuild.builder.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbuild.builder.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the CLI: a rebuild answers an unchanged COPY from the memo, and never a changed one. */
class CopyKeyMemoBuildIT {
  @TempDir Path tmp;

  @Test
  void aRewrittenFileWithTheSameSizeAndMtimeIsCopiedAgain() throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY src/ /app/\n");
    Path file = ctx.resolve("src/a/config.txt");
    Files.createDirectories(file.getParent());
    Instant old = Instant.now().minusSeconds(3600);
    Files.writeString(file, "mode=blue");
    Files.setLastModifiedTime(file, FileTime.from(old));
    Thread.sleep(1100); // past the window in which metadata is not trusted
    Path home = tmp.resolve("home");
    Path out1 = tmp.resolve("out1");
    Path out2 = tmp.resolve("out2");

    TestSupport.Cli first = TestSupport.cli(home, Map.of(), "build", "--progress=plain", "--output",
        "type=local,dest=" + out1, ctx.toString());
    assertEquals(0, first.exit(), first.stderr());
    TestSupport.Cli noop = TestSupport.cli(home, Map.of(), "build", "--progress=plain", ctx.toString());
    assertEquals(0, noop.exit(), noop.stderr());
    assertTrue(noop.stderr().contains("COPY src/ /app/  CACHED"), noop.stderr());
    try (var dirs = Files.list(home.resolve("statcache"))) {
      Path memo = dirs.findFirst().orElseThrow().resolve("copykeys-v1");
      assertEquals(1, Files.readAllLines(memo).size(), "the COPY's key digest is remembered");
    }

    Files.writeString(file, "mode=gray"); // same size; mtime restored below, only ctime tells
    Files.setLastModifiedTime(file, FileTime.from(old));
    Thread.sleep(1100);
    TestSupport.Cli changed = TestSupport.cli(home, Map.of(), "build", "--progress=plain", "--output",
        "type=local,dest=" + out2, ctx.toString());
    assertEquals(0, changed.exit(), changed.stderr());
    assertFalse(changed.stderr().contains("COPY src/ /app/  CACHED"), changed.stderr());
    assertEquals("mode=blue", Files.readString(out1.resolve("app/a/config.txt")));
    assertEquals("mode=gray", Files.readString(out2.resolve("app/a/config.txt")));
  }
}
