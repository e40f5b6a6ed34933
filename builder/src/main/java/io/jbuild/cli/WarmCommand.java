package io.jbuild.cli;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.remotecache.CacheSpec;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.warm.Durations;
import io.jbuild.builder.warm.WarmRequest;
import io.jbuild.builder.warm.Warmer;
import io.jbuild.oci.Platform;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jbuild warm}: pre-pulls base images, images and remote cache layers for later builds. */
@Command(name = "warm", mixinStandardHelpOptions = true,
    description = {"Prepare this machine for builds: pull the base images of Dockerfiles (all stages, after",
        "ARG expansion) and other images into the local store, extract their layers, and fetch the",
        "layers of remote caches, so the next build fetches nothing. Safe to run while builds run."},
    footer = {"", "Examples:",
        "  jbuild warm -f Dockerfile --build-arg BASE=alpine:3.20",
        "  jbuild warm -f api/Dockerfile -f web/Dockerfile --cache-from type=registry,ref=reg/app:cache",
        "  jbuild warm --image busybox:1.36 --cache-ttl 1h"})
final class WarmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegistryFlags registryFlags = new RegistryFlags();

  @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", description = "A Dockerfile whose base images to pull; repeatable")
  List<Path> files = new ArrayList<>();

  @Option(names = "--build-arg", paramLabel = "K=V", description = "Build argument for expanding FROM; repeatable")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--image", paramLabel = "REF", description = "Another image to pull; repeatable")
  List<String> images = new ArrayList<>();

  @Option(names = "--cache-from", paramLabel = "SPEC",
      description = "Remote cache whose layers to fetch: type=registry,ref=REF | type=local,src=DIR | REF; repeatable")
  List<String> cacheFrom = new ArrayList<>();

  @Option(names = "--cache-ttl", paramLabel = "DURATION",
      description = "Do not re-resolve tags resolved less than this long ago (e.g. 30m, 1h, 7d; default: always ask)")
  String cacheTtl;

  @Override
  public Integer call() throws Exception {
    RegistryOptions registryOptions = registryFlags.options(); // usage errors before any work
    if (files.isEmpty() && images.isEmpty() && cacheFrom.isEmpty()) {
      throw usage("nothing to warm: give -f DOCKERFILE, --image REF or --cache-from SPEC");
    }
    Platform p = registryFlags.platform();
    Duration ttl;
    try {
      ttl = cacheTtl == null ? null : Durations.parse(cacheTtl);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<CacheSpec> caches = new ArrayList<>();
    for (String s : cacheFrom) {
      try {
        caches.add(CacheSpec.parseFrom(s));
      } catch (BuildException e) {
        throw usage(e.getMessage());
      }
    }
    WarmRequest request = new WarmRequest(files, BuildArgs.parse(buildArgs, System.getenv()), images, caches, p, ttl);
    PrintWriter out = spec.commandLine().getOut();
    LocalImageStore store = LocalImageStore.open(JbuildHome.fromEnvironment());
    RegistryClient[] client = new RegistryClient[1];
    new Warmer(store, () -> {
      synchronized (client) {
        if (client[0] == null) {
          client[0] = RegistryClients.create(registryOptions);
        }
        return client[0];
      }
    }, line -> {
      out.println(line);
      out.flush();
    }).warm(request);
    return ExitCodes.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
