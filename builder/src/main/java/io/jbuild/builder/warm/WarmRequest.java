package io.jbuild.builder.warm;

import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.remotecache.CacheSpec;
import io.jbuild.oci.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code jbuild warm} prepares: the base images of {@code dockerfiles} (expanded with
 * {@code buildArgs}), the extra {@code images}, and the layers of the {@code cacheFrom} caches, for
 * {@code platform}. Tags resolved less than {@code cacheTtl} ago are not resolved again (null: always
 * ask the registry, which costs one {@code HEAD} per tag when nothing changed).
 */
public record WarmRequest(List<Path> dockerfiles, BuildArgs buildArgs, List<String> images,
    List<CacheSpec> cacheFrom, Platform platform, Duration cacheTtl) {

  public WarmRequest {
    dockerfiles = dockerfiles == null ? List.of() : List.copyOf(dockerfiles);
    buildArgs = buildArgs == null ? BuildArgs.empty() : buildArgs;
    images = images == null ? List.of() : List.copyOf(images);
    cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
    platform = platform == null ? Platform.host() : platform;
    if (cacheTtl != null && cacheTtl.isNegative()) {
      throw new IllegalArgumentException("negative cache ttl " + cacheTtl);
    }
  }
}
