package io.jbuild.builder.copy;

import io.jbuild.builder.context.ByteOrder;
import io.jbuild.builder.context.ContextException;
import io.jbuild.builder.context.FileKind;
import io.jbuild.builder.context.FileMeta;
import io.jbuild.builder.context.GoGlob;
import io.jbuild.builder.context.IgnoreRules;
import io.jbuild.builder.context.ScopedPath;
import io.jbuild.builder.context.SourceDigest;
import io.jbuild.builder.context.SourceTree;
import io.jbuild.builder.context.TreeEntry;
import io.jbuild.oci.Digest;
import io.jbuild.oci.layer.ContentSource;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.oci.layer.LayerPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** The {@link CopyEngine}: one {@link Run} per planned instruction. */
final class DefaultCopyEngine implements CopyEngine {
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  private final Path scratch;
  private final Clock clock;
  private final UrlFetcher fetcher;
  private final AtomicInteger seq = new AtomicInteger();
  // an engine plans a step's cache key and, on a miss, the step itself: fetch and read once
  private final Map<String, UrlFetcher.Fetched> fetched = new HashMap<>();
  private final Map<Path, CompletableFuture<Map<Path, Map<String, byte[]>>>> xattrsRead = new HashMap<>();

  DefaultCopyEngine(Path scratch, Clock clock, UrlFetcher fetcher) {
    this.scratch = scratch;
    this.clock = clock;
    this.fetcher = fetcher;
  }

  @Override
  public CopyPlan plan(CopyRequest request, SourceTree source, Path destinationRoot) throws CopyException {
    Run run = filled(request, source, destinationRoot);
    return new CopyPlan(run.dest.entries(), run.dest.digest());
  }

  @Override
  public SourceDigest keyDigest(CopyRequest request, SourceTree source) throws CopyException {
    return filled(request.forCacheKey(), source, null).dest.digest(); // the entries are not needed: no sorting
  }

  /** Plans every entry of {@code request}; failures become one-line user errors naming its location. */
  private Run filled(CopyRequest request, SourceTree source, Path destinationRoot) throws CopyException {
    try {
      Run run = new Run(request, source, destinationRoot);
      run.fill();
      return run;
    } catch (ContextException | IOException | IllegalArgumentException | IllegalStateException e) {
      throw new CopyException(request.location(), request.instruction() + " failed: " + e.getMessage(), e);
    }
  }

  /** A source path matched in the source tree. */
  private record Match(String path, String resolved) {}

  /** What one local source matched, and the {@code --parents} pivot ("" without one). */
  private record Expansion(String pivot, List<Match> matches) {}

  private final class Run {
    private final CopyRequest req;
    private final SourceTree source;
    private final Owner chown;
    private final ChmodSpec chmod;
    private final IgnoreRules excludes;
    private final DestinationTree dest;
    private final Instant now;
    private final Map<String, String> inodes = new HashMap<>();
    private final Map<String, TreeEntry> pendingHash = new LinkedHashMap<>();
    private final Map<Path, Map<String, byte[]>> xattrs = new HashMap<>();
    private String destRel;
    private boolean destDirSyntax;

    Run(CopyRequest req, SourceTree source, Path destinationRoot) throws ContextException {
      this.req = req;
      this.source = source;
      this.chown = req.chown() == null ? null : Owner.resolve(req.chown(), destinationRoot);
      this.chmod = req.chmod() == null ? null : ChmodSpec.parse(req.chmod());
      this.excludes = IgnoreRules.compile(req.excludes());
      this.now = clock.instant();
      this.dest = new DestinationTree(req.link() ? null : destinationRoot, chown == null ? Owner.ROOT : chown, now);
    }

    /** Plans every entry; none when no source matched anything (not even the destination directory). */
    void fill() throws ContextException, IOException {
      int total = req.sources().size() + req.heredocs().size();
      if (total == 0) {
        throw new IllegalArgumentException("no source files were specified");
      }
      validateFlags();
      String d = req.destination();
      destDirSyntax = d.endsWith("/") || d.equals(".") || d.endsWith("/.") || req.parents();
      String abs = d.startsWith("/") ? d : req.workdir() + "/" + d;
      destRel = dest.resolve(ScopedPath.clean(abs));
      if (total > 1 && !destDirSyntax) {
        throw new IllegalArgumentException("when using " + req.instruction()
            + " with more than one source file, the destination must be a directory and end with a /");
      }
      List<Expansion> expanded = new ArrayList<>();
      boolean nothing = req.heredocs().isEmpty();
      for (String src : req.sources()) {
        Expansion x = isLocal(src) ? expandLocal(src) : null;
        expanded.add(x);
        nothing &= x != null && x.matches().isEmpty();
      }
      if (nothing) {
        return;
      }
      if (destDirSyntax) {
        dest.mkdirAll(destRel);
      } else {
        dest.mkdirAll(LayerPaths.parent(destRel));
      }
      for (int i = 0; i < req.sources().size(); i++) {
        String src = req.sources().get(i);
        if (UrlFetcher.isGit(src) && req.add()) {
          throw new IllegalArgumentException("git source \"" + src + "\": git sources are not supported");
        }
        if (UrlFetcher.isUrl(src)) {
          if (!req.add()) {
            throw new IllegalArgumentException("source can't be a URL for COPY: \"" + src + "\"");
          }
          copyUrl(src);
        } else {
          copyLocal(expanded.get(i));
        }
      }
      for (HeredocSource h : req.heredocs()) {
        String target = target(h.name());
        byte[] bytes = h.bytes();
        String sha = HexFormat.of().formatHex(Digest.newSha256().digest(bytes));
        putFile(target, bytes.length, ContentSource.of(bytes), chmod == null ? 0644 : chmod.apply(0644, false),
            owner(), now, sha);
      }
      hashPending();
    }

    private void validateFlags() {
      if (req.checksum() != null) {
        if (!req.add()) {
          throw new IllegalArgumentException("--checksum is only valid for ADD");
        }
        if (!SHA256.matcher(req.checksum()).matches()) {
          throw new IllegalArgumentException("invalid checksum \"" + req.checksum()
              + "\": expected sha256:<64 hex digits>");
        }
        for (String s : req.sources()) {
          if (!UrlFetcher.isUrl(s)) {
            throw new IllegalArgumentException("checksum can't be specified for non-HTTP(S) sources: \"" + s + "\"");
          }
        }
      }
      if (req.keepGitDir()) {
        throw new IllegalArgumentException("--keep-git-dir: git sources are not supported");
      }
      if (!req.add() && req.unpack() != null) {
        throw new IllegalArgumentException("--unpack is only valid for ADD");
      }
    }

    /** The target of a single file named {@code name}: inside the destination if it is a directory. */
    private String target(String name) {
      return destDirSyntax || dest.kind(destRel) == DestinationTree.Kind.DIRECTORY ? join(destRel, name) : destRel;
    }

    private Owner owner() {
      return chown == null ? Owner.ROOT : chown;
    }

    private void copyUrl(String url) throws IOException {
      UrlFetcher.Fetched f = fetched.get(url);
      if (f == null) {
        f = fetcher.fetch(url, scratch.resolve("url-" + seq.incrementAndGet()));
        fetched.put(url, f);
      }
      if (req.checksum() != null && !req.checksum().equals("sha256:" + f.sha256())) {
        throw new IllegalArgumentException("checksum mismatch for " + url + ": expected " + req.checksum()
            + ", got sha256:" + f.sha256());
      }
      if (Boolean.TRUE.equals(req.unpack())) {
        InputStream tar = ArchiveExtractor.openIfArchive(f.file());
        if (tar != null) {
          extractInto(tar, url);
          return;
        }
      }
      int mode = chmod == null ? 0600 : chmod.apply(0600, false);
      Instant mtime = f.lastModified().orElse(Instant.EPOCH);
      putFile(target(f.name()), f.size(), ContentSource.of(f.file()), mode, owner(), mtime, f.sha256());
    }

    private void putFile(String target, long size, ContentSource content, int mode, Owner o, Instant mtime,
        String sha) {
      if (dest.kind(target) == DestinationTree.Kind.DIRECTORY) {
        throw new IllegalStateException("cannot replace to directory /" + target + " with file");
      }
      dest.touchParents(target);
      pendingHash.remove(target);
      dest.put(new LayerEntry(target, EntryType.FILE, mode, o.uid(), o.gid(), "", "", mtime, size, "", 0, 0, null,
          content), sha);
    }

    /** Whether {@code src} names a path in the source tree (not a URL, nor an ADD git source). */
    private boolean isLocal(String src) {
      return !(UrlFetcher.isGit(src) && req.add()) && !UrlFetcher.isUrl(src);
    }

    /**
     * The matches of one local source; empty only for a wildcard that matches nothing, which
     * BuildKit allows ({@code AllowEmptyWildcard}): such a source copies nothing, and a COPY whose
     * sources all match nothing yields an empty layer, without even its destination directory. The
     * directory part before the first wildcard must exist (BuildKit 0.8 fails on its lstat).
     */
    private Expansion expandLocal(String src) throws ContextException, IOException {
      if (source == null) {
        throw new IllegalArgumentException("no source tree for \"" + src + "\"");
      }
      if (ScopedPath.escapes(src)) {
        throw new ContextException("copy source \"" + src + "\" is outside the " + source.description());
      }
      String pivot = "";
      String full = src;
      if (req.parents()) {
        int i = src.indexOf("/./");
        if (i >= 0) {
          pivot = ScopedPath.clean(src.substring(0, i));
          full = src.substring(0, i) + "/" + src.substring(i + 3);
        }
      }
      return new Expansion(pivot, expand(full));
    }

    private void copyLocal(Expansion x) throws ContextException, IOException {
      String pivot = x.pivot();
      List<Match> matches = x.matches();
      if (matches.size() > 1 && !destDirSyntax && dest.kind(destRel) != DestinationTree.Kind.DIRECTORY) {
        throw new IllegalArgumentException("when using " + req.instruction()
            + " with more than one source file, the destination must be a directory and end with a /");
      }
      for (Match m : matches) {
        if (req.parents()) {
          String kept = pivot.isEmpty() ? m.path()
              : m.path().equals(pivot) ? "" : m.path().substring(pivot.length() + 1);
          copyWithParents(m, pivot, kept);
        } else {
          copyMatch(m);
        }
      }
    }

    private List<Match> expand(String src) throws ContextException, IOException {
      String clean = ScopedPath.clean(src);
      String[] comps = clean.isEmpty() ? new String[0] : clean.split("/");
      int first = -1;
      for (int i = 0; i < comps.length; i++) {
        if (GoGlob.hasMeta(comps[i])) {
          first = i;
          break;
        }
      }
      if (first < 0) {
        String resolved = source.resolve(clean, true);
        if (!exists(resolved) || (!resolved.isEmpty() && source.ignore().excluded(resolved))) {
          throw new IllegalArgumentException("\"" + src + "\": not found in " + source.description()
              + (source.ignore().isEmpty() ? "" : " or excluded by .dockerignore"));
        }
        return List.of(new Match(clean, resolved));
      }
      String d1 = String.join("/", Arrays.copyOfRange(comps, 0, first));
      String d2 = String.join("/", Arrays.copyOfRange(comps, first, comps.length));
      GoGlob.validate(d2);
      String base = source.resolve(d1, true);
      if (!exists(base)) {
        throw new IllegalArgumentException("\"" + d1 + "\" (of \"" + src + "\"): not found in "
            + source.description());
      }
      List<Match> out = new ArrayList<>();
      if (FileMeta.read(source.file(base)).isDirectory()) {
        matchDir(base, "", d1, d2, comps.length - first, out);
      }
      return out;
    }

    private void matchDir(String base, String rel, String d1, String pattern, int depth, List<Match> out)
        throws ContextException, IOException {
      List<String> names = new ArrayList<>();
      try (var s = Files.list(source.file(rel.isEmpty() ? base : join(base, rel)))) {
        s.forEach(p -> names.add(p.getFileName().toString()));
      }
      names.sort(ByteOrder.NAMES);
      for (String n : names) {
        String r = rel.isEmpty() ? n : rel + "/" + n;
        String inTree = join(base, r);
        boolean excluded = source.ignore().excluded(inTree);
        FileMeta meta = FileMeta.read(source.file(inTree));
        if (!excluded && GoGlob.match(pattern, r)) {
          String display = join(d1, r);
          String resolved = source.resolve(display, true);
          if (exists(resolved) && !source.ignore().excluded(resolved) && !excludes.excluded(r)) {
            out.add(new Match(display, resolved));
          }
          continue;
        }
        int level = r.split("/").length;
        if (meta.isDirectory() && level < depth && (!excluded || source.ignore().mayReinclude(inTree))) {
          matchDir(base, r, d1, pattern, depth, out);
        }
      }
    }

    private boolean exists(String rel) {
      return Files.exists(source.file(rel), LinkOption.NOFOLLOW_LINKS);
    }

    private void copyMatch(Match m) throws ContextException, IOException {
      Path file = source.file(m.resolved());
      FileMeta meta = FileMeta.read(file);
      if (req.add() && !Boolean.FALSE.equals(req.unpack()) && meta.kind() == FileKind.FILE) {
        InputStream tar = ArchiveExtractor.openIfArchive(file);
        if (tar != null) {
          extractInto(tar, m.path());
          return;
        }
      }
      CompletableFuture<Map<Path, Map<String, byte[]>>> pending = xattrsAsync(file);
      DestinationTree.Kind dk = dest.kind(destRel);
      if (meta.isDirectory()) {
        if (dk == DestinationTree.Kind.NONE) {
          dest.mkdirAll(destRel);
        } else if (dk == DestinationTree.Kind.OTHER) {
          throw new IllegalStateException("cannot copy to non-directory: /" + destRel);
        }
        List<TreeEntry> all = source.walk(m.resolved());
        xattrs.putAll(pending.join());
        copyChildren(m.resolved(), destRel, all);
      } else {
        xattrs.putAll(pending.join());
        String name = m.path().isEmpty() ? "" : LayerPaths.baseName(m.path());
        String target = dk == DestinationTree.Kind.DIRECTORY ? join(destRel, name) : destRel;
        copyEntry(new TreeEntry(m.resolved(), file, meta), target);
      }
    }

    private void copyWithParents(Match m, String pivot, String kept) throws ContextException, IOException {
      String[] parts = kept.isEmpty() ? new String[0] : kept.split("/");
      String prefix = "";
      for (int i = 0; i < parts.length - 1; i++) {
        prefix = prefix.isEmpty() ? parts[i] : prefix + "/" + parts[i];
        String target = join(destRel, prefix);
        if (!dest.isPlanned(target)) {
          String srcDir = source.resolve(join(pivot, prefix), true);
          copyEntry(new TreeEntry(srcDir, source.file(srcDir), FileMeta.read(source.file(srcDir))), target);
        }
      }
      String target = join(destRel, kept);
      Path file = source.file(m.resolved());
      FileMeta meta = FileMeta.read(file);
      xattrs.putAll(xattrsOf(file));
      if (!target.equals(destRel)) {
        copyEntry(new TreeEntry(m.resolved(), file, meta), target);
      }
      if (meta.isDirectory()) {
        copyChildren(m.resolved(), target, source.walk(m.resolved()));
      }
    }

    /** Copies what {@code all} (the walk of {@code srcRel}, itself first) lists below it. */
    private void copyChildren(String srcRel, String targetDir, List<TreeEntry> all) {
      Map<String, TreeEntry> pendingDirs = new HashMap<>();
      String skip = null;
      for (int i = 1; i < all.size(); i++) {
        TreeEntry te = all.get(i);
        String child = srcRel.isEmpty() ? te.path() : te.path().substring(srcRel.length() + 1);
        if (skip != null && child.startsWith(skip + "/")) {
          continue;
        }
        skip = null;
        if (!excludes.isEmpty() && excludes.excluded(child)) {
          if (te.meta().isDirectory()) {
            if (excludes.mayReinclude(child)) {
              pendingDirs.put(child, te);
            } else {
              skip = child;
            }
          }
          continue;
        }
        emitPending(child, targetDir, pendingDirs);
        copyEntry(te, join(targetDir, child));
      }
    }

    private void emitPending(String child, String targetDir, Map<String, TreeEntry> pendingDirs) {
      if (pendingDirs.isEmpty()) {
        return;
      }
      List<String> chain = new ArrayList<>();
      for (String p = LayerPaths.parent(child); !p.isEmpty(); p = LayerPaths.parent(p)) {
        if (pendingDirs.containsKey(p)) {
          chain.add(0, p);
        }
      }
      for (String p : chain) {
        copyEntry(pendingDirs.remove(p), join(targetDir, p));
      }
    }

    private void copyEntry(TreeEntry te, String target) {
      FileMeta m = te.meta();
      EntryType type = DestinationTree.typeOf(m.kind());
      if (type == null) {
        return; // fifos and sockets are not copied, as in BuildKit
      }
      DestinationTree.Kind existing = dest.kind(target);
      if (type == EntryType.DIRECTORY && existing == DestinationTree.Kind.OTHER) {
        throw new IllegalStateException("cannot copy to non-directory: /" + target);
      }
      if (type != EntryType.DIRECTORY && existing == DestinationTree.Kind.DIRECTORY) {
        throw new IllegalStateException("cannot replace to directory /" + target + " with file");
      }
      if (target.isEmpty()) {
        return; // the root itself is never an entry
      }
      dest.touchParents(target);
      Owner o = chown != null ? chown : source.rootOwned() ? Owner.ROOT : new Owner(m.uid(), m.gid());
      boolean keepMode = type == EntryType.SYMLINK || chmod == null;
      int mode = keepMode ? m.mode() : chmod.apply(m.mode(), type == EntryType.DIRECTORY);
      pendingHash.remove(target);
      Map<String, byte[]> x = xattrs.get(te.file().toAbsolutePath());
      LayerEntry e;
      switch (type) {
        case FILE: {
          String key = m.device() + ":" + m.inode();
          String first = m.nlink() > 1 ? inodes.get(key) : null;
          if (first != null && !first.equals(target)) {
            e = new LayerEntry(target, EntryType.HARDLINK, mode, o.uid(), o.gid(), "", "", m.mtime(), 0, first, 0, 0,
                x, null);
            dest.put(e, null);
            return;
          }
          if (m.nlink() > 1) {
            inodes.put(key, target);
          }
          e = new LayerEntry(target, EntryType.FILE, mode, o.uid(), o.gid(), "", "", m.mtime(), m.size(), "", 0, 0,
              x, ContentSource.of(te.file()));
          pendingHash.put(target, te);
          dest.put(e, null);
          return;
        }
        case SYMLINK:
          e = new LayerEntry(target, type, mode, o.uid(), o.gid(), "", "", m.mtime(), 0, m.linkTarget(), 0, 0, x,
              null);
          break;
        case CHAR_DEVICE:
        case BLOCK_DEVICE:
          e = new LayerEntry(target, type, mode, o.uid(), o.gid(), "", "", m.mtime(), 0, "", major(m.rdev()),
              minor(m.rdev()), x, null);
          break;
        default:
          e = new LayerEntry(target, type, mode, o.uid(), o.gid(), "", "", m.mtime(), 0, "", 0, 0, x, null);
          break;
      }
      dest.put(e, null);
    }

    private void extractInto(InputStream tar, String name) throws IOException {
      DestinationTree.Kind dk = dest.kind(destRel);
      if (dk == DestinationTree.Kind.OTHER) {
        throw new IllegalStateException("cannot extract archive \"" + name + "\" to non-directory: /" + destRel);
      }
      dest.mkdirAll(destRel);
      List<ArchiveExtractor.Extracted> entries = ArchiveExtractor.extract(tar, name, destRel,
          scratch.resolve("add-" + seq.incrementAndGet()));
      for (ArchiveExtractor.Extracted x : entries) {
        // as BuildKit: entries keep the archive's owners and modes (--chown only owns the created
        // destination); directories the archive implies but does not list are 0755 root
        LayerEntry e = x.entry();
        String parent = LayerPaths.parent(e.path());
        if (!dest.isPlanned(parent)) {
          dest.mkdirAll(parent, Owner.ROOT);
        }
        pendingHash.remove(e.path());
        dest.put(e, x.contentSha256());
      }
    }

    private Map<Path, Map<String, byte[]>> xattrsOf(Path file) {
      return xattrsAsync(file).join();
    }

    /** Starts reading the xattrs below {@code file} (a process) while the caller walks the tree. */
    private CompletableFuture<Map<Path, Map<String, byte[]>>> xattrsAsync(Path file) {
      return xattrsRead.computeIfAbsent(file.toAbsolutePath(),
          p -> CompletableFuture.supplyAsync(() -> Xattrs.read(p)));
    }

    private void hashPending() throws IOException {
      if (pendingHash.isEmpty()) {
        return;
      }
      List<String> targets = new ArrayList<>(pendingHash.keySet());
      List<TreeEntry> files = new ArrayList<>(pendingHash.values());
      List<String> shas = source.hasher().sha256All(files);
      for (int i = 0; i < targets.size(); i++) {
        dest.put(dest.planned(targets.get(i)), shas.get(i));
      }
    }
  }

  static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "/" + b;
  }

  static long major(long rdev) {
    return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
  }

  static long minor(long rdev) {
    return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
  }
}
