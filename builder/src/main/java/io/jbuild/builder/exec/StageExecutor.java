package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.cache.CacheKey;
import io.jbuild.builder.context.ContentHasher;
import io.jbuild.builder.context.SourceDigest;
import io.jbuild.builder.context.SourceTree;
import io.jbuild.builder.copy.CopyEngine;
import io.jbuild.builder.copy.CopyKeyMemo;
import io.jbuild.builder.copy.CopyException;
import io.jbuild.builder.copy.CopyPlan;
import io.jbuild.builder.copy.CopyRequest;
import io.jbuild.builder.progress.PhaseEvent;
import io.jbuild.builder.progress.StepEvent;
import io.jbuild.builder.state.ImageState;
import io.jbuild.builder.store.LayerCache;
import io.jbuild.oci.ContainerConfig;
import io.jbuild.oci.HealthConfig;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.runtime.ContainerException;
import io.jbuild.runtime.ExecutedStep;
import io.jbuild.runtime.spec.ExecUser;
import io.jbuild.runtime.spec.MountRequest;
import io.jbuild.runtime.spec.NetworkMode;
import io.jbuild.runtime.spec.RunRequest;
import io.jbuild.runtime.spec.UserResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Executes the instructions of one stage, in order, each turning the current {@link ImageState}
 * into a new one. Config-only instructions change the config and add an {@code empty_layer} history
 * entry; WORKDIR, COPY/ADD and RUN go through the step cache ({@link CacheKey}) and, on a miss,
 * produce a layer. Values arrive expanded (the Dockerfile visitor does word expansion). One
 * executor per stage, used by one thread.
 */
public final class StageExecutor {
  private final BuildServices svc;
  private final String stageName;
  private final int total;
  private final StageScope scope;
  private ImageState state;
  private String key;
  private boolean cmdSet;
  private int step;
  private int run;
  private int cached;

  /**
   * @param stageName the display name ({@code stage-0}, {@code build})
   * @param total the number of steps shown in progress ({@code [name i/total]})
   * @param base the base image state (PATH is added when missing, as BuildKit does)
   * @param baseKey the identity of the base: a manifest digest, a stage's last key, or {@code scratch}
   */
  public StageExecutor(BuildServices svc, String stageName, int total, ImageState base, String baseKey,
      StageScope scope) {
    this.svc = svc;
    this.stageName = stageName;
    this.total = total;
    this.scope = scope;
    this.state = base.withConfig(ConfigOps::withDefaultPath);
    this.key = baseKey;
    if (!base.config().config().env().equals(state.config().config().env())) {
      scope.env("PATH", ConfigOps.DEFAULT_PATH);
    }
  }

  public ImageState state() {
    return state;
  }

  public String key() {
    return key;
  }

  public StageScope scope() {
    return scope;
  }

  /** Steps that did work. */
  public int stepsRun() {
    return run;
  }

  /** Steps answered from the cache. */
  public int stepsCached() {
    return cached;
  }

  /** Opens a read view of an image state's filesystem (close it). */
  public RootfsView view(ImageState s) throws java.io.IOException {
    return RootfsView.open(svc, s);
  }

  /** The build's scratch directory (deleted when the build ends). */
  public Path scratch() {
    return svc.scratch();
  }

  /** An empty directory (the root of a {@code --from} image without layers). */
  public Path emptyDir() throws java.io.IOException {
    Path p = svc.scratch().resolve("empty");
    Files.createDirectories(p);
    return p;
  }

  /** Reports the FROM step (its pull or resolution happened before). */
  public void announceFrom(String text, Duration took) {
    step++;
    svc.progress().onStep(StepEvent.of(stageName, step, total, text, StepEvent.State.DONE, took));
  }

  // ---- config-only instructions ----

  private void configStep(String createdBy, UnaryOperator<ContainerConfig> change) {
    state = state.withConfig(change).withEmptyHistory(createdBy, svc.sourceDateEpoch());
    key = CacheKey.builder(key, svc.platform().format()).op(createdBy).build().toString();
  }

  private void apply(ConfigOps.Change c) {
    configStep(c.createdBy(), x -> c.config());
  }

  public void env(List<Map.Entry<String, String>> pairs) {
    ConfigOps.Change c = ConfigOps.env(state.config().config(), pairs);
    pairs.forEach(p -> scope.env(p.getKey(), p.getValue()));
    apply(c);
  }

  public void label(List<Map.Entry<String, String>> pairs) {
    apply(ConfigOps.label(state.config().config(), pairs));
  }

  public void maintainer(String name) {
    String text = ConfigOps.maintainerHistory(name);
    state = new ImageState(state.config().withAuthor(name), state.layers()).withEmptyHistory(text, svc.sourceDateEpoch());
    key = CacheKey.builder(key, svc.platform().format()).op(text).build().toString();
  }

  public void expose(List<String> ports) throws BuildException {
    apply(ConfigOps.expose(state.config().config(), ports));
  }

  public void volume(List<String> paths) throws BuildException {
    apply(ConfigOps.volume(state.config().config(), paths));
  }

  public void user(String user) {
    apply(ConfigOps.user(state.config().config(), user));
  }

  /** CMD; {@code shellForm} commands are wrapped in the stage's SHELL. */
  public void cmd(List<String> args, boolean shellForm) {
    List<String> argv = shellForm ? ConfigOps.withShell(state.config().config(), args.get(0)) : args;
    apply(ConfigOps.cmd(state.config().config(), argv));
    cmdSet = true;
  }

  public void entrypoint(List<String> args, boolean shellForm) {
    List<String> argv = shellForm ? ConfigOps.withShell(state.config().config(), args.get(0)) : args;
    apply(ConfigOps.entrypoint(state.config().config(), argv, cmdSet));
  }

  public void shell(List<String> argv) {
    apply(ConfigOps.shell(state.config().config(), argv));
  }

  public void stopSignal(String signal) throws BuildException {
    apply(ConfigOps.stopSignal(state.config().config(), signal));
  }

  public void healthcheck(HealthConfig health) {
    apply(ConfigOps.healthcheck(state.config().config(), health));
  }

  /** ONBUILD: recorded in the config; no history entry (as BuildKit). */
  public void onbuild(String trigger) {
    state = state.withConfig(c -> ConfigOps.onbuild(c, trigger));
    key = CacheKey.builder(key, svc.platform().format()).op("ONBUILD " + trigger).build().toString();
  }

  /** ARG: declarations {@code name -> default (expanded) or null}; history {@code ARG a=1 b}. */
  public void arg(List<Map.Entry<String, String>> decls) {
    StringBuilder text = new StringBuilder("ARG");
    for (Map.Entry<String, String> d : decls) {
      scope.arg(d.getKey(), d.getValue());
      text.append(' ').append(d.getKey());
      if (d.getValue() != null) {
        text.append('=').append(d.getValue());
      }
    }
    String createdBy = text.toString();
    state = state.withEmptyHistory(createdBy, svc.sourceDateEpoch());
    key = CacheKey.builder(key, svc.platform().format()).op(createdBy).env(visibleVars()).build().toString();
  }

  private Map<String, String> visibleVars() {
    return scope.vars();
  }

  // ---- layer steps ----

  /** Does a step's work and writes its layer (null: the step changed nothing, no layer). */
  private interface Work {
    LayerMaker.Layer produce() throws BuildException, IOException;
  }

  /**
   * Writes a layer; like BuildKit, a step that changed nothing still gets a layer (an empty tar), so
   * the image has one layer per WORKDIR/COPY/ADD/RUN step.
   */
  private LayerMaker.Layer write(List<LayerEntry> entries) throws IOException {
    Instant start = Instant.now();
    LayerMaker.Layer layer = svc.layers().write(entries == null ? List.of() : entries);
    phase(PhaseEvent.Phase.LAYER, start);
    return layer;
  }

  private void phase(PhaseEvent.Phase phase, Instant start) {
    new PhaseEvent(phase, stageName, step, Duration.between(start, Instant.now())).sendTo(svc.progress());
  }

  private void layerStep(String display, String createdBy, CacheKey k, Work work, String location)
      throws BuildException {
    step++;
    if (!svc.noCache()) {
      Instant lookup = Instant.now();
      Optional<ImageState> hit;
      try {
        hit = svc.lookup().find(k);
      } catch (IOException e) {
        throw new BuildException(location, "looking up the build cache: " + e.getMessage(), e);
      }
      phase(PhaseEvent.Phase.CACHE_LOOKUP, lookup);
      if (hit.isPresent()) {
        state = hit.get();
        svc.recorder().record(stageName, k, state);
        key = k.toString();
        cached++;
        svc.progress().onStep(StepEvent.of(stageName, step, total, display, StepEvent.State.CACHED, Duration.ZERO));
        return;
      }
    }
    Instant start = Instant.now();
    svc.progress().onStep(StepEvent.of(stageName, step, total, display, StepEvent.State.STARTED, Duration.ZERO));
    try {
      LayerMaker.Layer layer = work.produce();
      Instant created = svc.now();
      if (layer == null) {
        state = state.withEmptyHistory(createdBy, svc.sourceDateEpoch());
      } else {
        state = state.withLayer(layer.blob(), layer.diffId(), createdBy, created);
        extractAhead(layer);
      }
      svc.cache().put(k, state);
      svc.recorder().record(stageName, k, state);
    } catch (BuildException e) {
      svc.progress().onStep(StepEvent.of(stageName, step, total, display, StepEvent.State.ERROR,
          Duration.between(start, Instant.now())));
      throw e;
    } catch (IOException | RuntimeException e) {
      svc.progress().onStep(StepEvent.of(stageName, step, total, display, StepEvent.State.ERROR,
          Duration.between(start, Instant.now())));
      throw new BuildException(location, lower(createdBy) + ": " + e.getMessage(), e);
    }
    key = k.toString();
    run++;
    svc.progress().onStep(StepEvent.of(stageName, step, total, display, StepEvent.State.DONE,
        Duration.between(start, Instant.now())));
  }

  /**
   * When more layer steps follow in this stage, extracts the new layer into the shared layer cache in
   * the background: the next COPY or RUN mounts it, and meanwhile computes its own cache key (hashing
   * its sources). A hit there leaves the work unused, which costs disk time, not correctness.
   */
  private void extractAhead(LayerMaker.Layer layer) {
    if (step >= total || svc.ahead() == null) {
      return;
    }
    svc.ahead().submit(() -> svc.store().layers().extracted(layer.blob(), layer.diffId()));
  }

  private static String lower(String createdBy) {
    String head = createdBy.split(" ", 2)[0];
    return head.toLowerCase(java.util.Locale.ROOT);
  }

  private CacheKey.Builder keyFor(String op) {
    CacheKey.Builder b = CacheKey.builder(key, svc.platform().format()).op(op).env(visibleVars())
        .flag("compression", svc.compression());
    if (svc.sourceDateEpoch() != null) {
      b.flag("source-date-epoch", Long.toString(svc.sourceDateEpoch().getEpochSecond()));
    }
    return b;
  }

  /**
   * WORKDIR: sets the working directory (relative paths join the current one) and, unless it is
   * {@code /}, adds a layer as BuildKit's mkdir does: the missing directories (parents included),
   * mode 0755, owned by the USER; an empty layer when the directory already exists.
   */
  public void workdir(String path, String location) throws BuildException {
    String current = state.config().config().workingDir();
    String wd = joinPath(path.startsWith("/") ? "/" : (current == null || current.isEmpty() ? "/" : current), path);
    state = state.withConfig(c -> c.withWorkingDir(wd));
    String createdBy = "WORKDIR " + wd;
    if (wd.equals("/")) {
      state = state.withEmptyHistory(createdBy, svc.sourceDateEpoch());
      key = CacheKey.builder(key, svc.platform().format()).op(createdBy).build().toString();
      return;
    }
    String user = state.config().config().user();
    CacheKey k = keyFor(createdBy).flag("user", user).build();
    layerStep(createdBy, createdBy, k, () -> {
      try (RootfsView view = RootfsView.open(svc, state)) {
        Path root = view.root();
        List<String> missing = missingDirs(root, wd);
        long[] owner = ownerOf(root, user, location);
        Instant now = svc.now();
        List<LayerEntry> entries = new ArrayList<>();
        for (String dir : missing) {
          entries.add(new LayerEntry(dir, EntryType.DIRECTORY, 0755, owner[0], owner[1], "", "", now, 0, "", 0, 0,
              null, null));
        }
        return write(entries);
      }
    }, location);
  }

  private long[] ownerOf(Path root, String user, String location) throws BuildException {
    if (user == null || user.isEmpty() || root == null) {
      return new long[] {0, 0};
    }
    try {
      ExecUser u = UserResolver.forRootfs(root).resolve(user);
      return new long[] {u.uid(), u.gid()};
    } catch (ContainerException e) {
      throw new BuildException(location, "resolving user \"" + user + "\": " + e.getMessage(), e);
    }
  }

  /** The components of {@code wd} (relative paths) missing in {@code root}, parents first. */
  private static List<String> missingDirs(Path root, String wd) {
    List<String> out = new ArrayList<>();
    String rel = "";
    for (String comp : wd.substring(1).split("/")) {
      if (comp.isEmpty()) {
        continue;
      }
      rel = rel.isEmpty() ? comp : rel + "/" + comp;
      if (root == null || !Files.exists(root.resolve(rel)) || !out.isEmpty()) {
        if (root != null && out.isEmpty() && Files.isDirectory(root.resolve(rel))) {
          continue;
        }
        out.add(rel);
      }
    }
    return out;
  }

  /** Go's {@code path.Join(base, p)} (cleaned, absolute). */
  static String joinPath(String base, String p) {
    String joined = p.startsWith("/") ? p : base + "/" + p;
    List<String> parts = new ArrayList<>();
    for (String c : joined.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(c);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** COPY/ADD from the build context: the key hashes the selected sources. */
  public void copy(CopyRequest request, SourceTree context, String createdBy, String display) throws BuildException {
    copy(request, null, () -> new OpenedSource(context, null), createdBy, display);
  }

  /**
   * COPY --from a stage or image: the key is the producing stage's key or the image's manifest
   * digest (which stand for its whole filesystem), so the source is mounted only when the step runs.
   */
  public void copyFrom(CopyRequest request, FromSource.Resolved from, String createdBy, String display)
      throws BuildException {
    copy(request, from.key(), () -> {
      RootfsView view = view(from.state());
      return new OpenedSource(stageTree(view.root() == null ? emptyDir() : view.root(), from.description()), view);
    }, createdBy, display);
  }

  /**
   * A {@code --from} source: another stage's or an image's root filesystem (a mounted view), nothing
   * excluded and ownership preserved, as BuildKit does for stage sources; files hashed directly.
   */
  static SourceTree stageTree(Path root, String description) {
    return SourceTree.ofDirectory(root, ContentHasher.direct(), description);
  }

  /** A source tree to read from and what to close after (a mounted view, or null). */
  private record OpenedSource(SourceTree tree, RootfsView mount) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (mount != null) {
        mount.close();
      }
    }
  }

  private interface SourceOpener {
    OpenedSource open() throws IOException;
  }

  /**
   * COPY/ADD. The cache key needs no mounted filesystem: the parent's is in the parent key, and the
   * sources are either the context (hashed: {@link CopyRequest#forCacheKey()}) or a stage or image
   * named by {@code sourceKey}. Only a miss mounts the parent (unless {@code --link}) and the source
   * and plans the layer against them.
   */
  private void copy(CopyRequest request, String sourceKey, SourceOpener source, String createdBy, String display)
      throws BuildException {
    String wd = state.config().config().workingDir();
    CopyRequest req = request.withWorkdir(wd == null || wd.isEmpty() ? "/" : wd);
    Path scratch = svc.scratch().resolve("copy-" + UUID.randomUUID());
    try {
      Files.createDirectories(scratch);
      CopyEngine engine = CopyEngine.create(scratch, Clock.systemUTC());
      String sourceId = sourceKey;
      if (sourceId == null) {
        try (OpenedSource s = source.open()) {
          sourceId = keyDigest(engine, req, s.tree()).toString();
        }
      }
      CacheKey k = keyFor(createdBy)
          .flag("chown", req.chown()).flag("chmod", req.chmod()).flag("link", Boolean.toString(req.link()))
          .flag("parents", Boolean.toString(req.parents())).flag("exclude", String.join("\n", req.excludes()))
          .flag("checksum", req.checksum()).source(sourceId).build();
      layerStep(display, createdBy, k, () -> {
        try (RootfsView view = req.link() ? null : RootfsView.open(svc, state); OpenedSource s = source.open()) {
          return write(plan(engine, req, s.tree(), view == null ? null : view.root()).entries());
        }
      }, req.location());
    } catch (IOException e) {
      throw new BuildException(req.location(), lower(createdBy) + ": " + e.getMessage(), e);
    } finally {
      try {
        LayerCache.deleteTree(scratch);
      } catch (IOException ignored) {
        // scratch space; pruned with the home's tmp
      }
    }
  }

  /** The key digest of a context COPY, remembered by the fingerprint of its sources when they qualify. */
  private SourceDigest keyDigest(CopyEngine engine, CopyRequest req, SourceTree tree) throws BuildException {
    CopyKeyMemo memo = svc.copyKeys();
    Optional<String> fingerprint = memo == null ? Optional.empty() : CopyKeyMemo.fingerprint(req, tree);
    Optional<SourceDigest> known = fingerprint.flatMap(memo::get);
    if (known.isPresent()) {
      return known.get();
    }
    SourceDigest d;
    try {
      d = engine.keyDigest(req, tree);
    } catch (CopyException e) {
      throw new BuildException(e.getMessage(), e);
    }
    fingerprint.ifPresent(f -> memo.put(f, d));
    return d;
  }

  private static CopyPlan plan(CopyEngine engine, CopyRequest req, SourceTree tree, Path destRoot)
      throws BuildException {
    try {
      return engine.plan(req, tree, destRoot);
    } catch (CopyException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  /** A RUN to execute: the final argv, the extra mounts and key flags for them, and the network. */
  public record RunSpec(List<String> argv, List<MountRequest> mounts, Map<String, String> keyFlags,
      NetworkMode network, String location) {}

  /**
   * RUN: executes {@code spec.argv} in a container on top of the current layers with the stage's
   * ENV, build args, USER and WORKDIR; its changes become the layer. A non-zero exit fails the build
   * with the command, exit code and location.
   */
  public void run(RunSpec spec, String display) throws BuildException {
    String createdBy = "RUN " + scope.runHistoryPrefix() + String.join(" ", spec.argv()) + " # buildkit";
    CacheKey.Builder kb = keyFor(createdBy).flag("network", spec.network().name().toLowerCase(java.util.Locale.ROOT))
        .flag("user", state.config().config().user()).flag("workdir", state.config().config().workingDir());
    spec.keyFlags().forEach(kb::flag);
    CacheKey k = kb.build();
    layerStep(display, createdBy, k, () -> execute(spec, display), spec.location());
  }

  private LayerMaker.Layer execute(RunSpec spec, String display) throws BuildException, IOException {
    ContainerConfig c = state.config().config();
    ExecUser user = ExecUser.ROOT;
    String userSpec = c.user();
    if (userSpec != null && !userSpec.isEmpty()) {
      try (RootfsView view = RootfsView.open(svc, state)) {
        if (view.root() == null) {
          user = numericUser(userSpec, spec.location());
        } else {
          try {
            user = UserResolver.forRootfs(view.root()).resolve(userSpec);
          } catch (ContainerException e) {
            throw new BuildException(spec.location(), "resolving user \"" + userSpec + "\": " + e.getMessage(), e);
          }
        }
      }
    }
    String cwd = c.workingDir() == null || c.workingDir().isEmpty() ? "/" : c.workingDir();
    RunRequest request = new RunRequest(spec.argv(), scope.runEnv(), cwd, user, null, spec.network(), spec.mounts());
    List<Path> lowers = RootfsView.lowerDirs(svc, state);
    int index = step;
    Instant runStart = Instant.now();
    try (ExecutedStep done = svc.runner().run(lowers, request, (stream, line) -> svc.progress().onStep(
        new StepEvent(stageName, index, total, display, StepEvent.State.LOG, Duration.ZERO, line)), null)) {
      phase(PhaseEvent.Phase.RUN, runStart);
      if (done.exitCode() != 0) {
        throw new BuildException(spec.location(), "process \"" + String.join(" ", spec.argv())
            + "\" did not complete successfully: exit code: " + done.exitCode());
      }
      // written while the snapshot (the entries' content) still exists
      return write(DiffLayers.toEntries(done.diff()));
    } catch (ContainerException e) {
      throw new BuildException(spec.location(), "running \"" + String.join(" ", spec.argv()) + "\": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException(spec.location(), "running \"" + String.join(" ", spec.argv()) + "\": interrupted");
    }
  }

  private static ExecUser numericUser(String spec, String location) throws BuildException {
    try {
      String[] p = spec.split(":", 2);
      long uid = Long.parseLong(p[0]);
      long gid = p.length > 1 ? Long.parseLong(p[1]) : 0;
      return new ExecUser(uid, gid, List.of());
    } catch (NumberFormatException e) {
      throw new BuildException(location, "unable to find user " + spec + ": no /etc/passwd in the image");
    }
  }
}
