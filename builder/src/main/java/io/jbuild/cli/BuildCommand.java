package io.jbuild.cli;

import io.jbuild.registry.RegistryOptions;

import io.jbuild.builder.BuildRequest;
import io.jbuild.builder.BuildResult;
import io.jbuild.builder.Builders;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.output.OutputSpec;
import io.jbuild.builder.progress.ProgressModes;
import io.jbuild.builder.progress.ProgressView;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild [build] [options] CONTEXT}: builds an image from a Dockerfile. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build an image from a Dockerfile.",
    footer = {"", "Examples:", "  jbuild -t demo:1 .",
        "  jbuild -t demo:1 --build-arg VERSION=2 --target release .",
        "  SOURCE_DATE_EPOCH=0 jbuild --output type=oci,dest=out.tar ."})
final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Dockerfile (default: CONTEXT/Dockerfile)")
  Path file;

  @Option(names = {"-t", "--tag"}, paramLabel = "NAME", description = "Name the result (repo[:tag]); repeatable")
  List<String> tags = new ArrayList<>();

  @Option(names = "--build-arg", paramLabel = "K=V", description = "Set a build argument; repeatable")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--target", paramLabel = "STAGE", description = "Build only this stage and what it needs")
  String target;

  @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Target platform (default: the host's)")
  String platform;

  @Option(names = "--no-cache", description = "Ignore the step cache")
  boolean noCache;

  @Option(names = {"-o", "--output"}, paramLabel = "SPEC",
      description = "type=oci|docker|local|tar,dest=PATH[,tar=false]; type=registry; repeatable")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--iidfile", paramLabel = "FILE", description = "Write the image id (config digest) here")
  Path iidFile;

  @Option(names = "--metadata-file", paramLabel = "FILE", description = "Write build metadata JSON here")
  Path metadataFile;

  @Option(names = "--push", description = "Push the named result to its registry")
  boolean push;

  @Option(names = "--network", paramLabel = "MODE", description = "RUN network: host (default) or none")
  String network = "host";

  @Option(names = "--secret", paramLabel = "id=ID,src=FILE|env=VAR", description = "Secret for RUN --mount=type=secret")
  List<String> secrets = new ArrayList<>();

  @Option(names = "--runtime", paramLabel = "PATH|NAME", description = "OCI runtime for RUN (default runc)")
  String runtime = "runc";

  @Option(names = "--compression", paramLabel = "gzip|zstd", description = "Layer compression (default gzip)")
  String compression = "gzip";

  @Option(names = "--source-date-epoch", paramLabel = "N", description = "Clamp timestamps (default: $SOURCE_DATE_EPOCH)")
  Long sourceDateEpoch;

  @Option(names = "--progress", paramLabel = "MODE", description = "auto|plain|tty|rawjson|quiet (default auto, or $JBUILD_PROGRESS)")
  String progress;

  @Option(names = {"-q", "--quiet"}, description = "Print only the image digest")
  boolean quiet;

  @Mixin CacheOptions cacheOptions = new CacheOptions();

  @Mixin RegistryConnectionFlags registryFlags = new RegistryConnectionFlags();

  @Parameters(index = "0", paramLabel = "CONTEXT", description = "Build context directory")
  Path context;

  @Override
  public Integer call() throws Exception {
    RegistryOptions registryOptions = registryFlags.options(); // usage errors before any work
    Map<String, String> env = System.getenv();
    if (!"gzip".equals(compression) && !"zstd".equals(compression)) {
      throw usage("invalid --compression \"" + compression + "\": expected gzip or zstd");
    }
    if (!"host".equals(network) && !"none".equals(network)) {
      throw usage("invalid --network \"" + network + "\": expected host or none");
    }
    Long epoch = sourceDateEpoch;
    if (epoch == null && env.get("SOURCE_DATE_EPOCH") != null && !env.get("SOURCE_DATE_EPOCH").isBlank()) {
      try {
        epoch = Long.parseLong(env.get("SOURCE_DATE_EPOCH").trim());
      } catch (NumberFormatException e) {
        throw new io.jbuild.builder.BuildException("invalid SOURCE_DATE_EPOCH \"" + env.get("SOURCE_DATE_EPOCH")
            + "\": expected seconds since 1970");
      }
    }
    Platform targetPlatform;
    try {
      targetPlatform = platform == null ? Platform.host() : Platform.parse(platform);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<OutputSpec> specs = new ArrayList<>();
    for (String o : outputs) {
      specs.add(OutputSpec.parse(o));
    }
    ProgressView listener;
    try {
      listener = quiet ? ProgressModes.create(ProgressModes.Mode.QUIET, env, System.err)
          : ProgressModes.create(progress, System.err);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    BuildRequest request = new BuildRequest(context, file, tags, BuildArgs.parse(buildArgs, env), target,
        targetPlatform, noCache, specs, epoch, compression, network, runtime, secrets, push);
    BuildResult result;
    try {
      result = Builders.local(JbuildHome.fromEnvironment(), listener, cacheOptions.cacheFrom(),
          cacheOptions.cacheTo(), registryOptions).build(request);
      listener.onMessage("writing image " + result.manifest().digest() + " done");
      for (String n : result.names()) {
        listener.onMessage("naming to " + n + " done");
      }
      listener.finish();
    } finally {
      listener.close();
    }
    if (iidFile != null) {
      Files.writeString(iidFile, result.configDigest().toString());
    }
    if (metadataFile != null) {
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("containerimage.config.digest", result.configDigest().toString());
      meta.put("containerimage.digest", result.manifest().digest().toString());
      meta.put("containerimage.descriptor", result.manifest());
      if (!result.names().isEmpty()) {
        meta.put("image.name", String.join(",", result.names()));
      }
      Files.write(metadataFile, Json.pretty(meta));
    }
    if (quiet) {
      spec.commandLine().getOut().println(result.manifest().digest());
    }
    return ExitCodes.OK;
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }
}
