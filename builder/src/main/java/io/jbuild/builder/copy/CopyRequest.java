package io.jbuild.builder.copy;

import java.util.List;
import java.util.Objects;

/**
 * One COPY or ADD instruction after word expansion, as the engine needs it.
 *
 * @param location source location for errors, e.g. {@code Dockerfile:7}
 * @param add true for ADD (archive extraction, URLs), false for COPY
 * @param sources source paths (relative to the source tree; wildcards allowed) and, for ADD, URLs
 * @param heredocs here-document sources, copied after {@code sources}
 * @param destination the destination as written ({@code /app/}, {@code .}, {@code conf/x.ini})
 * @param workdir the stage's WORKDIR, absolute ({@code /} if unset); a relative destination is taken relative to it
 * @param chown {@code --chown} value ({@code user}, {@code user:group}, numeric ids), or {@code null}
 * @param chmod {@code --chmod} value (octal {@code 755} or symbolic {@code u+x,g-w}), or {@code null}
 * @param parents {@code --parents}: keep each source's parent directories (relative to the root or to a {@code /./} pivot)
 * @param excludes {@code --exclude} patterns (dockerignore syntax), matched relative to each source
 * @param link {@code --link}: the layer is independent of the destination: the destination root is not consulted
 * @param checksum ADD {@code --checksum} ({@code sha256:<hex>}), or {@code null}
 * @param unpack ADD {@code --unpack}: {@code null} means the default (extract local archives, not URLs)
 * @param keepGitDir ADD {@code --keep-git-dir} (git sources are not supported; only validated)
 */
public record CopyRequest(String location, boolean add, List<String> sources, List<HeredocSource> heredocs,
    String destination, String workdir, String chown, String chmod, boolean parents, List<String> excludes,
    boolean link, String checksum, Boolean unpack, boolean keepGitDir) {

  public CopyRequest {
    location = location == null ? "" : location;
    sources = List.copyOf(sources);
    heredocs = heredocs == null ? List.of() : List.copyOf(heredocs);
    Objects.requireNonNull(destination, "destination");
    workdir = workdir == null || workdir.isEmpty() ? "/" : workdir;
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
  }

  /** A plain {@code COPY sources... destination} with every flag unset. */
  public static CopyRequest copy(String location, List<String> sources, String destination) {
    return new CopyRequest(location, false, sources, List.of(), destination, "/", null, null, false, List.of(), false,
        null, null, false);
  }

  /** A plain {@code ADD sources... destination} with every flag unset. */
  public static CopyRequest addOf(String location, List<String> sources, String destination) {
    return new CopyRequest(location, true, sources, List.of(), destination, "/", null, null, false, List.of(), false,
        null, null, false);
  }

  /**
   * The request whose plan stands for the sources in a step's cache key: the same sources, flags
   * and heredocs copied into {@code /} as a directory, without {@code --chown} and planned without a
   * destination root. Everything the real destination adds (an existing directory, {@code --chown}
   * names looked up in its {@code /etc/passwd}, symlinks followed there) is a function of the parent
   * filesystem, which the parent key already stands for, and of the destination and {@code --chown}
   * words, which the key carries; so the key needs no mounted parent.
   */
  public CopyRequest forCacheKey() {
    return new CopyRequest(location, add, sources, heredocs, "/", "/", null, chmod, parents, excludes, true,
        checksum, unpack, keepGitDir);
  }

  /** The instruction name for messages. */
  public String instruction() {
    return add ? "ADD" : "COPY";
  }

  public CopyRequest withWorkdir(String w) {
    return new CopyRequest(location, add, sources, heredocs, destination, w, chown, chmod, parents, excludes, link,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withHeredocs(List<HeredocSource> h) {
    return new CopyRequest(location, add, sources, h, destination, workdir, chown, chmod, parents, excludes, link,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withChown(String c) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, c, chmod, parents, excludes, link,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withChmod(String c) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, c, parents, excludes, link,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withParents(boolean p) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, chmod, p, excludes, link,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withExcludes(List<String> e) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, chmod, parents, e, link,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withLink(boolean l) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, chmod, parents, excludes, l,
        checksum, unpack, keepGitDir);
  }

  public CopyRequest withChecksum(String c) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, chmod, parents, excludes,
        link, c, unpack, keepGitDir);
  }

  public CopyRequest withUnpack(Boolean u) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, chmod, parents, excludes,
        link, checksum, u, keepGitDir);
  }

  public CopyRequest withKeepGitDir(boolean k) {
    return new CopyRequest(location, add, sources, heredocs, destination, workdir, chown, chmod, parents, excludes,
        link, checksum, unpack, k);
  }
}
