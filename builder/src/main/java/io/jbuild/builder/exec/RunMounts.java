package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.context.ContextException;
import io.jbuild.builder.context.FileKind;
import io.jbuild.builder.context.FileMeta;
import io.jbuild.builder.context.SourceTree;
import io.jbuild.builder.context.TreeEntry;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.instruction.Mount;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.runtime.spec.CacheDirs;
import io.jbuild.runtime.spec.MountRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves {@code RUN --mount} options into runtime mounts. {@code type=cache} binds a persistent
 * directory under the cache-mount root (by {@code id}, default the target; {@code uid}, {@code gid},
 * {@code mode} when created); {@code type=secret} binds the secret read-only at {@code target}
 * (default {@code /run/secrets/ID}; a missing secret is an error only with {@code required});
 * {@code type=bind} binds a path of the context or of a {@code from=} stage/image read-only
 * ({@code rw} binds a throw-away copy, so writes never reach the source); {@code type=tmpfs} a tmpfs.
 * The mount specification enters the cache key, plus, for a bind of the build context, a digest of
 * the bound files (a changed file reruns the step); never a secret's value nor cache contents.
 */
public final class RunMounts {
  private final Path cacheRoot;
  private final Secrets secrets;
  private final SourceTree context;
  private final Path scratch;

  public RunMounts(Path cacheRoot, Secrets secrets, SourceTree context, Path scratch) {
    this.cacheRoot = cacheRoot;
    this.secrets = secrets;
    this.context = context;
    this.scratch = scratch;
  }

  /** Word expansion of a mount value. */
  @FunctionalInterface
  public interface Expander {
    String word(String w, Instruction at) throws BuildException;
  }

  /** The mounts of one RUN; {@link #close()} releases stage views and temp files. */
  public record Resolved(List<MountRequest> mounts, Map<String, String> keyFlags, List<AutoCloseable> resources)
      implements AutoCloseable {
    @Override
    public void close() {
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception ignored) {
          // best effort: views unmount, temp files are in scratch
        }
      }
    }
  }

  public Resolved resolve(Run run, Expander expand, StageExecutor exec, FromSource from) throws BuildException {
    List<MountRequest> out = new ArrayList<>();
    Map<String, String> flags = new TreeMap<>();
    List<AutoCloseable> resources = new ArrayList<>();
    String loc = run.range().toString();
    int n = 0;
    try {
      for (Mount m : run.mounts()) {
        String type = m.type();
        String target = expand.word(m.target(), run);
        String id = expand.word(m.option("id"), run);
        switch (type) {
          case "cache" -> {
            requireTarget(target, type, loc);
            String cacheId = id == null || id.isEmpty() ? target : id;
            long uid = number(expand.word(m.option("uid"), run), 0, loc);
            long gid = number(expand.word(m.option("gid"), run), 0, loc);
            int mode = (int) octal(expand.word(m.option("mode"), run), 0755, loc);
            Path dir = CacheDirs.ensure(cacheRoot, cacheId, uid, gid, mode);
            out.add(MountRequest.bind(dir, target, false));
            flags.put("mount" + n, "cache,id=" + cacheId + ",target=" + target);
          }
          case "secret" -> {
            if (id == null || id.isEmpty()) {
              id = target == null ? null : Path.of(target).getFileName().toString();
            }
            if (id == null) {
              throw new BuildException(loc, "secret mount needs id= or target=");
            }
            String t = target == null || target.isEmpty() ? "/run/secrets/" + id : target;
            boolean required = "true".equals(m.option("required")) || (m.option("required") == null
                && m.options().stream().anyMatch(o -> o.key().equals("required")));
            Secrets.Secret s = secrets.get(id);
            if (s == null) {
              if (required) {
                throw new BuildException(loc, "secret " + id + " not found (pass it with --secret id=" + id + ",src=FILE)");
              }
              continue;
            }
            Path file = s.file();
            if (file == null) {
              Files.createDirectories(scratch);
              file = Files.createTempFile(scratch, "secret-", "", PosixFilePermissions.asFileAttribute(
                  PosixFilePermissions.fromString("r--------")));
              Files.writeString(file, s.envValue(), StandardCharsets.UTF_8);
              Path created = file;
              resources.add(() -> Files.deleteIfExists(created));
            }
            out.add(MountRequest.bind(file.toAbsolutePath(), t, true));
            flags.put("mount" + n, "secret,id=" + id + ",target=" + t);
          }
          case "tmpfs" -> {
            requireTarget(target, type, loc);
            String size = expand.word(m.option("size"), run);
            out.add(MountRequest.tmpfs(target, size == null ? List.of() : List.of("size=" + size)));
            flags.put("mount" + n, "tmpfs,target=" + target + (size == null ? "" : ",size=" + size));
          }
          case "bind" -> {
            requireTarget(target, type, loc);
            String source = expand.word(m.option("source") != null ? m.option("source") : m.option("src"), run);
            String fromRef = expand.word(m.option("from"), run);
            Path root;
            String key;
            SourceTree tree;
            if (fromRef == null || fromRef.isEmpty()) {
              tree = context;
              key = "context";
            } else {
              FromSource.Resolved r = from.resolve(fromRef, loc);
              RootfsView view = exec.view(r.state());
              resources.add(view);
              root = view.root() == null ? exec.emptyDir() : view.root();
              tree = StageExecutor.stageTree(root, r.description());
              key = r.key();
            }
            String rel;
            try {
              rel = tree.resolve(source == null ? "/" : source, true);
            } catch (ContextException e) {
              throw new BuildException(loc, e.getMessage(), e);
            }
            Path path = tree.file(rel);
            boolean rw = writable(m);
            // rw as BuildKit: the step may write, but the writes land in a throw-away copy and
            // never reach the context, the other stage or the layer
            out.add(MountRequest.bind(rw ? writableCopy(path, exec.scratch(), loc) : path.toAbsolutePath(), target, !rw));
            if (fromRef == null || fromRef.isEmpty()) {
              // the bound context files are inputs of the step: their content goes into the key
              key = "context:" + contentDigest(tree, rel, loc);
            }
            flags.put("mount" + n, "bind,from=" + key + ",source=" + rel + ",target=" + target + (rw ? ",rw" : ""));
          }
          default -> throw new BuildException(loc, "unsupported mount type \"" + type + "\"");
        }
        n++;
      }
    } catch (IOException e) {
      new Resolved(out, flags, resources).close();
      throw new BuildException(loc, "preparing mounts: " + e.getMessage(), e);
    } catch (BuildException | RuntimeException e) {
      new Resolved(out, flags, resources).close();
      throw e;
    }
    return new Resolved(out, flags, resources);
  }

  /**
   * A digest of what a bind mount of the context shows at {@code rel}: for every entry (after
   * .dockerignore) its path, kind, mode, size, symlink target and, for files, the content's SHA-256.
   */
  private static String contentDigest(SourceTree tree, String rel, String loc) throws BuildException {
    try {
      java.security.MessageDigest sha = io.jbuild.oci.Digest.newSha256();
      for (TreeEntry e : tree.walk(rel)) {
        FileMeta m = e.meta();
        String content = m.kind() == FileKind.FILE ? tree.hasher().sha256(e.file(), m) : "";
        String line = e.path() + "\0" + m.kind() + "\0" + Integer.toOctalString(m.mode() & 07777) + "\0"
            + (m.kind() == FileKind.FILE ? m.size() : 0) + "\0" + (m.linkTarget() == null ? "" : m.linkTarget())
            + "\0" + content + "\n";
        sha.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return io.jbuild.oci.Digest.ofSha256(sha.digest()).toString();
    } catch (ContextException | IOException e) {
      throw new BuildException(loc, "reading bind mount source \"" + rel + "\": " + e.getMessage(), e);
    }
  }

  private static void requireTarget(String target, String type, String loc) throws BuildException {
    if (target == null || target.isEmpty()) {
      throw new BuildException(loc, type + " mount needs target=");
    }
    if (!target.startsWith("/")) {
      throw new BuildException(loc, type + " mount target must be absolute: " + target);
    }
  }

  private static long number(String v, long dflt, String loc) throws BuildException {
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BuildException(loc, "invalid mount option value \"" + v + "\": expected a number");
    }
  }

  private static long octal(String v, long dflt, String loc) throws BuildException {
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v, 8);
    } catch (NumberFormatException e) {
      throw new BuildException(loc, "invalid mount mode \"" + v + "\": expected octal");
    }
  }

  /** {@code rw}, {@code readwrite}, {@code rw=true} or {@code readwrite=true}, as BuildKit reads them. */
  static boolean writable(io.jbuild.grammar.instruction.Mount m) {
    for (String k : List.of("rw", "readwrite")) {
      if (m.has(k)) {
        String v = m.option(k);
        return v == null || v.isEmpty() || Boolean.parseBoolean(v);
      }
    }
    return false;
  }

  private static Path writableCopy(Path source, Path scratch, String loc) throws BuildException {
    Path copy = scratch.resolve("rwbind-" + java.util.UUID.randomUUID());
    try {
      java.nio.file.Files.createDirectories(scratch);
      Process p = new ProcessBuilder("cp", "-a", "--", source.toAbsolutePath().toString(), copy.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new BuildException(loc, "preparing the rw bind mount of " + source.getFileName() + ": " + out);
      }
      return copy;
    } catch (java.io.IOException e) {
      throw new BuildException(loc, "preparing the rw bind mount: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException(loc, "preparing the rw bind mount: interrupted", e);
    }
  }
}
