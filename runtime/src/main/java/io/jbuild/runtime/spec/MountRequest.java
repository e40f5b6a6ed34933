package io.jbuild.runtime.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An extra mount of a step ({@code RUN --mount}): a bind mount of a host file or directory
 * (cache directories, secrets, context or stage binds) or a tmpfs. The target is an absolute
 * container path; its mount point never appears in the step's diff.
 */
public record MountRequest(Type type, Path source, String target, boolean readOnly, List<String> options) {
  /** The kind of mount. */
  public enum Type {
    BIND,
    TMPFS
  }

  public MountRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("mount target must be absolute: " + target);
    }
    if (type == Type.BIND) {
      Objects.requireNonNull(source, "bind mount source");
      if (!source.isAbsolute()) {
        throw new IllegalArgumentException("bind mount source must be absolute: " + source);
      }
    }
    options = List.copyOf(options);
  }

  /** A bind mount of {@code source} at {@code target}, read-only or read-write. */
  public static MountRequest bind(Path source, String target, boolean readOnly) {
    return new MountRequest(Type.BIND, source, target, readOnly, List.of());
  }

  /** A tmpfs at {@code target} with extra tmpfs options such as {@code size=64m}. */
  public static MountRequest tmpfs(String target, List<String> options) {
    return new MountRequest(Type.TMPFS, null, target, false, options);
  }
}
