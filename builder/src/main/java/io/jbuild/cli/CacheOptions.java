package io.jbuild.cli;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.remotecache.CacheSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The remote cache flags of {@code jbuild build}, as a picocli mixin ({@code @Mixin CacheOptions cache;}):
 * {@code --cache-from SPEC} and {@code --cache-to SPEC}, repeatable, in BuildKit's syntax (see
 * {@link CacheSpec}).
 */
public final class CacheOptions {
  @Option(names = "--cache-from", paramLabel = "SPEC",
      description = "Import build cache: type=registry,ref=REF | type=local,src=DIR | REF; repeatable")
  List<String> from = new ArrayList<>();

  @Option(names = "--cache-to", paramLabel = "SPEC",
      description = "Export build cache: type=registry,ref=REF[,mode=min|max][,compression=gzip|zstd]"
          + " | type=local,dest=DIR; repeatable")
  List<String> to = new ArrayList<>();

  /** The parsed {@code --cache-from} specs. */
  public List<CacheSpec> cacheFrom() throws BuildException {
    List<CacheSpec> out = new ArrayList<>();
    for (String s : from) {
      out.add(CacheSpec.parseFrom(s));
    }
    return out;
  }

  /** The parsed {@code --cache-to} specs. */
  public List<CacheSpec> cacheTo() throws BuildException {
    List<CacheSpec> out = new ArrayList<>();
    for (String s : to) {
      out.add(CacheSpec.parseTo(s));
    }
    return out;
  }
}
