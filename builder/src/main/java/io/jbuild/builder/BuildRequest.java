package io.jbuild.builder;

import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.output.OutputSpec;
import io.jbuild.oci.Platform;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build: the context directory, the Dockerfile (null: {@code CONTEXT/Dockerfile}), names for
 * the result, build args, the target stage (null: the last), the target platform, cache use, outputs,
 * {@code SOURCE_DATE_EPOCH} (null: real timestamps), layer compression ({@code gzip}|{@code zstd}),
 * RUN network mode ({@code host}|{@code none}), OCI runtime ({@code runc}, {@code crun} or a path),
 * {@code --secret} specs and whether to push the named result.
 */
public record BuildRequest(
    Path context,
    Path dockerfile,
    List<String> tags,
    BuildArgs buildArgs,
    String target,
    Platform platform,
    boolean noCache,
    List<OutputSpec> outputs,
    Long sourceDateEpoch,
    String compression,
    String network,
    String runtime,
    List<String> secrets,
    boolean push) {

  public BuildRequest {
    tags = tags == null ? List.of() : List.copyOf(tags);
    buildArgs = buildArgs == null ? BuildArgs.empty() : buildArgs;
    platform = platform == null ? Platform.host() : platform;
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    compression = compression == null ? "gzip" : compression;
    network = network == null ? "host" : network;
    runtime = runtime == null ? "runc" : runtime;
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  /** A request with defaults for everything but the context. */
  public static BuildRequest of(Path context) {
    return new BuildRequest(context, null, null, null, null, null, false, null, null, null, null, null, null,
        false);
  }

  public BuildRequest withDockerfile(Path file) {
    return new BuildRequest(context, file, tags, buildArgs, target, platform, noCache, outputs, sourceDateEpoch,
        compression, network, runtime, secrets, push);
  }

  public BuildRequest withTags(List<String> names) {
    return new BuildRequest(context, dockerfile, names, buildArgs, target, platform, noCache, outputs,
        sourceDateEpoch, compression, network, runtime, secrets, push);
  }

  public BuildRequest withBuildArgs(BuildArgs args) {
    return new BuildRequest(context, dockerfile, tags, args, target, platform, noCache, outputs, sourceDateEpoch,
        compression, network, runtime, secrets, push);
  }

  public BuildRequest withTarget(String stage) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, stage, platform, noCache, outputs,
        sourceDateEpoch, compression, network, runtime, secrets, push);
  }

  public BuildRequest withNoCache(boolean value) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, value, outputs,
        sourceDateEpoch, compression, network, runtime, secrets, push);
  }

  public BuildRequest withOutputs(List<OutputSpec> specs) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, specs,
        sourceDateEpoch, compression, network, runtime, secrets, push);
  }

  public BuildRequest withSourceDateEpoch(Long epoch) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, outputs, epoch,
        compression, network, runtime, secrets, push);
  }

  public BuildRequest withPlatform(Platform p) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, p, noCache, outputs, sourceDateEpoch,
        compression, network, runtime, secrets, push);
  }

  public BuildRequest withCompression(String c) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, outputs,
        sourceDateEpoch, c, network, runtime, secrets, push);
  }

  public BuildRequest withNetwork(String n) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, outputs,
        sourceDateEpoch, compression, n, runtime, secrets, push);
  }

  public BuildRequest withRuntime(String r) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, outputs,
        sourceDateEpoch, compression, network, r, secrets, push);
  }

  public BuildRequest withSecrets(List<String> specs) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, outputs,
        sourceDateEpoch, compression, network, runtime, specs, push);
  }

  public BuildRequest withPush(boolean p) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, platform, noCache, outputs,
        sourceDateEpoch, compression, network, runtime, secrets, p);
  }
}
