package io.jbuild.builder;

import io.jbuild.builder.cache.StepCache;
import io.jbuild.builder.context.BuildContext;
import io.jbuild.builder.context.ContextException;
import io.jbuild.builder.context.StatCache;
import io.jbuild.builder.copy.CopyKeyMemo;
import io.jbuild.builder.exec.BackgroundWork;
import io.jbuild.builder.exec.BuildServices;
import io.jbuild.builder.exec.FromSource;
import io.jbuild.builder.exec.InstructionDispatcher;
import io.jbuild.builder.exec.LayerMaker;
import io.jbuild.builder.exec.RunMounts;
import io.jbuild.builder.exec.Secrets;
import io.jbuild.builder.exec.StageExecutor;
import io.jbuild.builder.exec.StageResult;
import io.jbuild.builder.exec.StageScope;
import io.jbuild.builder.image.ImageResolver;
import io.jbuild.builder.maintenance.StoreLock;
import io.jbuild.builder.plan.BuildPlan;
import io.jbuild.builder.remotecache.CacheSession;
import io.jbuild.builder.remotecache.CacheSpec;
import io.jbuild.builder.plan.StageGraph;
import io.jbuild.builder.progress.PhaseEvent;
import io.jbuild.builder.progress.ProgressListener;
import io.jbuild.builder.state.ImageState;
import io.jbuild.builder.store.JbuildHome;
import io.jbuild.builder.store.LayerCache;
import io.jbuild.builder.store.LocalImageStore;
import io.jbuild.builder.store.StoredImage;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.DockerfileParser;
import io.jbuild.grammar.DockerfileSyntaxException;
import io.jbuild.grammar.Stage;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.shell.ShellLexer;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.Platform;
import io.jbuild.oci.layer.Compression;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryClients;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.runtime.ContainerException;
import io.jbuild.runtime.StepExecutor;
import io.jbuild.runtime.oci.OciRuntime;
import io.jbuild.runtime.oci.OciRuntimes;
import io.jbuild.runtime.snapshot.Snapshotter;
import io.jbuild.runtime.snapshot.Snapshotters;
import io.jbuild.runtime.spec.NetworkMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The builder over a local store: parse, plan the stage graph for the target, build the needed
 * stages (independent ones concurrently on a small pool), store and name the result, export and
 * push it. See {@link Builder}.
 */
final class LocalBuilder implements Builder {
  private static final int STAGE_THREADS = 3;
  private final JbuildHome home;
  private final ProgressListener progress;
  private final List<CacheSpec> cacheFrom;
  private final List<CacheSpec> cacheTo;
  private final RegistryOptions registryOptions;

  LocalBuilder(JbuildHome home, ProgressListener progress, List<CacheSpec> cacheFrom, List<CacheSpec> cacheTo,
      RegistryOptions registryOptions) {
    this.registryOptions = registryOptions;
    this.home = home;
    this.progress = progress;
    this.cacheFrom = List.copyOf(cacheFrom);
    this.cacheTo = List.copyOf(cacheTo);
  }

  @Override
  public BuildResult build(BuildRequest req) throws BuildException {
    Path contextDir = req.context();
    if (contextDir == null || !Files.isDirectory(contextDir)) {
      throw new BuildException("unable to prepare context: path \"" + contextDir + "\" not found");
    }
    Path dockerfile = req.dockerfile() != null ? req.dockerfile() : contextDir.resolve("Dockerfile");
    if (!Files.isRegularFile(dockerfile)) {
      throw new BuildException("failed to read dockerfile: open " + dockerfile + ": no such file or directory");
    }
    Dockerfile df;
    Instant parseStart = Instant.now();
    try {
      df = DockerfileParser.parse(dockerfile.getFileName().toString(), Files.readAllBytes(dockerfile));
    } catch (DockerfileSyntaxException e) {
      throw new BuildException(e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("failed to read dockerfile " + dockerfile + ": " + e.getMessage(), e);
    }
    PhaseEvent.of(PhaseEvent.Phase.PARSE, Duration.between(parseStart, Instant.now())).sendTo(progress);
    LocalImageStore store;
    Path scratch = home.tmp().resolve("build-" + UUID.randomUUID());
    StoreLock.Held lock;
    try {
      store = LocalImageStore.open(home);
      // shared with other builds; `jbuild prune` waits for it (it deletes unreferenced blobs)
      lock = StoreLock.of(home).shared();
      Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new BuildException("opening the local store " + home.root() + ": " + e.getMessage(), e);
    }
    try {
      return new BuildSession(req, df, dockerfile, store, scratch).build();
    } finally {
      try {
        LayerCache.deleteTree(scratch);
      } catch (IOException ignored) {
        // left in tmp/, removed by a later prune
      }
      try {
        lock.close();
      } catch (Exception ignored) {
        // released with the process at the latest
      }
    }
  }

  /** The state of one build. */
  private final class BuildSession {
    private final BuildRequest req;
    private final Dockerfile df;
    private final Path dockerfile;
    private final LocalImageStore store;
    private final Path scratch;
    private final Snapshotter snapshotter;
    private final ShellLexer lexer;
    private final Map<Integer, CompletableFuture<StageResult>> futures = new HashMap<>();
    private final AtomicInteger stepsRun = new AtomicInteger();
    private final AtomicInteger stepsCached = new AtomicInteger();
    private BuildPlan plan;
    private StageGraph graph;
    private BuildServices svc;
    private ImageResolver images;
    private BuildContext context;
    private RunMounts runMounts;
    private RegistryClient registryClient;
    private StatCache statCache;
    private CopyKeyMemo copyKeys;
    private CacheSession cacheSession;
    private final BackgroundWork ahead = new BackgroundWork();

    BuildSession(BuildRequest req, Dockerfile df, Path dockerfile, LocalImageStore store, Path scratch) {
      this.req = req;
      this.df = df;
      this.dockerfile = dockerfile;
      this.store = store;
      this.scratch = scratch;
      this.snapshotter = Snapshotters.lazyDetect(scratch);
      this.lexer = new ShellLexer(df.escapeChar());
    }

    private synchronized RegistryClient registry() {
      if (registryClient == null) {
        registryClient = RegistryClients.create(registryOptions);
      }
      return registryClient;
    }

    BuildResult build() throws BuildException {
      plan = BuildPlan.of(df, req.buildArgs(), req.platform(), Platform.host());
      graph = plan.graph();
      int target = plan.targetIndex(req.target());
      Instant epoch = req.sourceDateEpoch() == null ? null : Instant.ofEpochSecond(req.sourceDateEpoch());
      Compression compression = Compression.parse(req.compression());
      Instant contextStart = Instant.now();
      try {
        statCache = StatCache.open(home.statCacheFor(req.context()));
        copyKeys = CopyKeyMemo.open(home.statCacheFor(req.context()));
        context = BuildContext.open(req.context(), dockerfile, statCache);
      } catch (ContextException e) {
        throw new BuildException(e.getMessage(), e);
      }
      PhaseEvent.of(PhaseEvent.Phase.CONTEXT, Duration.between(contextStart, Instant.now())).sendTo(progress);
      images = new ImageResolver(store, this::registry, progress);
      StepCache stepCache = new StepCache(home.cache());
      cacheSession = CacheSession.open(cacheFrom, cacheTo, stepCache, store.blobs(), this::registry,
          progress::onMessage);
      svc = new BuildServices(store, stepCache, cacheSession::find, cacheSession::record,
          new LayerMaker(store.blobs(), compression, epoch),
          snapshotter, lazyRunner(), progress, req.noCache(), req.platform(), epoch,
          compression.name().toLowerCase(java.util.Locale.ROOT), req.network(), scratch, ahead, copyKeys);
      runMounts = new RunMounts(home.root().resolve("cachemounts"), Secrets.parse(req.secrets(), System.getenv()),
          context, scratch.resolve("mounts"));
      StageResult result;
      try {
        result = runStages(target);
      } finally {
        ahead.close(); // nothing started ahead outlives the build (the scratch directory and the lock)
      }
      try {
        statCache.save();
        copyKeys.save();
      } catch (IOException e) {
        progress.onMessage("warning: saving the stat cache: " + e.getMessage());
      }
      return finish(result);
    }

    private StepExecutor lazyRunner() throws BuildException {
      try {
        OciRuntime runtime = OciRuntimes.resolve(req.runtime());
        return StepExecutor.create(runtime, snapshotter, scratch.resolve("run"));
      } catch (ContainerException e) {
        // builds without RUN need no runtime; a RUN reports this error
        return null;
      }
    }

    private StageResult runStages(int target) throws BuildException {
      List<Integer> needed = graph.needed(target);
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(STAGE_THREADS, needed.size()), r -> {
        Thread t = new Thread(r, "jbuild-stage");
        t.setDaemon(true);
        return t;
      });
      try {
        for (int i : needed) {
          List<CompletableFuture<StageResult>> deps = new ArrayList<>();
          for (int d : graph.dependencies(i)) {
            deps.add(futures.get(d));
          }
          int index = i;
          CompletableFuture<StageResult> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
              .thenApplyAsync(v -> {
                try {
                  return buildStage(index);
                } catch (BuildException e) {
                  throw new CompletionException(e);
                }
              }, pool);
          futures.put(i, f);
        }
        return futures.get(target).join();
      } catch (CompletionException e) {
        Throwable c = e.getCause();
        while (c instanceof CompletionException && c.getCause() != null) {
          c = c.getCause();
        }
        if (c instanceof BuildException b) {
          throw b;
        }
        throw new BuildException("build failed: " + c, c);
      } finally {
        pool.shutdownNow();
      }
    }

    private StageResult stageResult(int index) throws BuildException {
      CompletableFuture<StageResult> f = futures.get(index);
      if (f == null) {
        throw new BuildException("stage " + index + " is not part of this build (referenced by an onbuild trigger?)");
      }
      try {
        return f.join();
      } catch (CompletionException e) {
        throw new BuildException("stage " + index + " failed: " + e.getCause().getMessage(), e.getCause());
      }
    }

    private StageResult buildStage(int index) throws BuildException {
      Stage stage = df.stages().get(index);
      String name = stage.name() != null ? stage.name() : "stage-" + index;
      String base = plan.baseName(index);
      int baseStage = graph.resolve(base, index);
      ImageState state;
      String key;
      Instant t0 = Instant.now();
      boolean fromImage = false;
      if (baseStage >= 0) {
        StageResult r = stageResult(baseStage);
        state = r.state();
        key = r.key();
      } else if (base.equalsIgnoreCase("scratch")) {
        // BuildKit's empty image: WorkingDir "/" (PATH is added for every stage)
        state = new ImageState(ImageConfig.scratch(req.platform()).withConfig(c -> c.withWorkingDir("/")), List.of());
        key = "scratch";
      } else {
        StoredImage img = images.resolve(base, platformOf(stage));
        state = img.state();
        key = img.descriptor().digest().toString();
        fromImage = true;
      }
      List<String> triggers = state.config().config().onBuild();
      if (!triggers.isEmpty()) {
        state = state.withConfig(c -> c.withOnBuild(List.of()));
      }
      state = new ImageState(state.config().withCreated(null), state.layers());
      int total = (fromImage ? 1 : 0) + (int) stage.instructions().stream().filter(i -> {
        String k = i.keyword();
        return k.equals("RUN") || k.equals("COPY") || k.equals("ADD") || k.equals("WORKDIR");
      }).count();
      StageScope scope = new StageScope(state.config().config(), plan.metaArgs(), req.buildArgs());
      StageExecutor exec = new StageExecutor(svc, name, total, state, key, scope);
      if (fromImage) {
        exec.announceFrom("FROM " + base, Duration.between(t0, Instant.now()));
      }
      FromSource fromThisStage = (ref, location) -> resolveFrom(ref, location, index);
      InstructionDispatcher dispatcher = new InstructionDispatcher(exec, lexer, context, fromThisStage, runMounts,
          "none".equals(req.network()) ? NetworkMode.NONE : NetworkMode.HOST);
      for (String trigger : triggers) {
        dispatcher.dispatch(parseTrigger(trigger, stage));
      }
      for (Instruction i : stage.instructions()) {
        if (i.keyword().equals("RUN") && svc.runner() == null) {
          throw new BuildException(i.range().toString(), "cannot run: oci runtime \"" + req.runtime()
              + "\" not found");
        }
        dispatcher.dispatch(i);
      }
      stepsRun.addAndGet(exec.stepsRun());
      stepsCached.addAndGet(exec.stepsCached());
      return new StageResult(index, name, exec.state(), exec.key());
    }

    private Platform platformOf(Stage stage) throws BuildException {
      String p = stage.from().platform();
      if (p == null || p.isEmpty()) {
        return req.platform();
      }
      String expanded = plan.expand(p, stage.from().range().toString());
      try {
        return Platform.parse(expanded);
      } catch (IllegalArgumentException e) {
        throw new BuildException(stage.from().range().toString(), e.getMessage(), e);
      }
    }

    private Instruction parseTrigger(String trigger, Stage stage) throws BuildException {
      try {
        Dockerfile t = DockerfileParser.parse("ONBUILD", "FROM scratch\n" + trigger + "\n");
        List<Instruction> is = t.stages().get(0).instructions();
        if (is.size() != 1) {
          throw new BuildException(stage.from().range().toString(), "onbuild trigger should be a single expression");
        }
        return is.get(0);
      } catch (DockerfileSyntaxException e) {
        throw new BuildException(stage.from().range().toString(), "parsing onbuild trigger \"" + trigger + "\": "
            + e.getMessage(), e);
      }
    }

    /** Resolves a {@code --from} of stage {@code current}: earlier stages by name or index, else an image. */
    private FromSource.Resolved resolveFrom(String ref, String location, int current) throws BuildException {
      int idx = graph.resolve(ref, current);
      if (idx >= 0) {
        StageResult r = stageResult(idx);
        return new FromSource.Resolved(r.state(), r.key(), "stage \"" + r.name() + "\"");
      }
      if (ref.matches("\\d+")) {
        throw new BuildException(location, "invalid stage index " + ref);
      }
      StoredImage img;
      try {
        img = images.resolve(ref, req.platform());
      } catch (BuildException e) {
        throw new BuildException(location, "--from=" + ref + " is neither a previous stage nor an image: "
            + e.getMessage(), e);
      }
      return new FromSource.Resolved(img.state(), img.descriptor().digest().toString(), "image \"" + ref + "\"");
    }

    private BuildResult finish(StageResult result) throws BuildException {
      ImageState state = result.state().withHistoryTimesFilled(svc.sourceDateEpoch());
      Publication.Published p = Publication.publish(req, store, state, this::registry, progress);
      cacheSession.export(state);
      return new BuildResult(p.manifest(), configDigestOf(state), p.names(), stepsRun.get(), stepsCached.get());
    }

    private io.jbuild.oci.Digest configDigestOf(ImageState state) {
      return io.jbuild.oci.Digest.sha256(io.jbuild.oci.json.OciJson.write(state.config()));
    }
  }
}
