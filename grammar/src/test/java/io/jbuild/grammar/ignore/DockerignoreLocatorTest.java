package io.jbuild.grammar.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precedence of BuildKit's testDockerignoreOverride, on a real directory. */
class DockerignoreLocatorTest {

  @Test
  void dockerfileSpecificFileWins(@TempDir Path ctx) throws IOException {
    Path dockerfile = Files.createDirectories(ctx.resolve("build")).resolve("app.Dockerfile");
    Files.writeString(dockerfile, "FROM scratch\n");
    assertEquals(List.of(ctx.resolve("build/app.Dockerfile.dockerignore"),
        ctx.resolve(".dockerignore")), DockerignoreLocator.candidates(ctx, dockerfile));
    assertEquals(Optional.empty(), DockerignoreLocator.locate(ctx, dockerfile));

    Files.writeString(ctx.resolve(".dockerignore"), "bar\n");
    assertEquals(Optional.of(ctx.resolve(".dockerignore")),
        DockerignoreLocator.locate(ctx, dockerfile));

    Files.writeString(ctx.resolve("build/app.Dockerfile.dockerignore"), "foo\n");
    assertEquals(Optional.of(ctx.resolve("build/app.Dockerfile.dockerignore")),
        DockerignoreLocator.locate(ctx, dockerfile));
  }

  @Test
  void stdinDockerfileUsesTheContextFile(@TempDir Path ctx) throws IOException {
    Files.createDirectory(ctx.resolve(".dockerignore")); // a directory is not an ignore file
    assertEquals(List.of(ctx.resolve(".dockerignore")), DockerignoreLocator.candidates(ctx, null));
    assertEquals(Optional.empty(), DockerignoreLocator.locate(ctx, null));
  }
}
