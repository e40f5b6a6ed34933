package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Mount checks for the integration tests. */
final class StepExecutorITSupport {
  private StepExecutorITSupport() {}

  static List<String> mountsUnder(Path dir) throws IOException {
    String d = dir.toRealPath().toString();
    return Mounts.mountPoints().stream().filter(m -> m.startsWith(d)).collect(Collectors.toList());
  }
}
