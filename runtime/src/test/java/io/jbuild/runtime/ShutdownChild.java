package io.jbuild.runtime;

import io.jbuild.runtime.oci.OciRuntimes;
import io.jbuild.runtime.snapshot.Snapshotters;
import io.jbuild.runtime.spec.RunRequest;
import java.nio.file.Path;
import java.util.List;

/** A child JVM for {@link ShutdownIT}: runs a long step until the JVM is terminated. */
public final class ShutdownChild {
  private ShutdownChild() {}

  public static void main(String[] args) throws Exception {
    StepExecutor ex = StepExecutor.create(OciRuntimes.resolve("runc"), Snapshotters.overlay(), Path.of(args[1]));
    try (ExecutedStep s =
        ex.run(
            List.of(Path.of(args[0])),
            RunRequest.of(List.of("/bin/sh", "-c", "echo started; sleep 60"), List.of()),
            (stream, line) -> {
              System.out.println(line);
              System.out.flush();
            },
            null)) {
      System.out.println("finished " + s.exitCode());
    }
  }
}
