package io.jbuild.builder.copy;

import io.jbuild.builder.context.SourceDigest;
import io.jbuild.builder.context.SourceTree;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Plans the layer of one COPY or ADD with BuildKit's semantics (see {@link CopyRequest} for the
 * flags). Planning reads the sources' metadata and hashes their contents (for the
 * {@link CopyPlan#sourceDigest()}); it downloads ADD URLs and extracts ADD archives into the
 * engine's scratch directory, which must outlive the writing of the layer. It never writes to the
 * destination root.
 *
 * <p>Rules implemented (BuildKit / fsutil {@code copy}): a directory source copies its
 * contents; wildcards ({@code filepath.Match} per component) match in the source tree and
 * symlinks among the sources are followed inside the tree's root; a wildcard that matches nothing
 * copies nothing ({@code AllowEmptyWildcard}: when no source matches anything and there are no
 * heredocs, the plan has no entries at all, not even the destination directory), while a literal
 * source that does not exist is an error; several sources need a
 * destination ending in {@code /}; a relative destination is relative to WORKDIR; missing
 * parents are created 0755 owned by the {@code --chown} user (root otherwise) with the current
 * time; entries keep their modes and mtimes, are owned by root when they come from the build
 * context and keep their owners when they come from a stage or image; hardlinks among the
 * sources stay hardlinks; a destination path is resolved inside the destination root, following
 * its symlinks there (not with {@code --link}).
 */
public interface CopyEngine {
  /**
   * Plans one instruction.
   *
   * @param request the instruction, expanded
   * @param source the tree sources are read from: the build context or a {@code --from} tree
   *     ({@code null} is allowed when only heredocs and URLs are used)
   * @param destinationRoot the parent image's root file system (read only), or {@code null} for
   *     {@code scratch}; also where {@code --chown} names are looked up
   * @return the entries of the layer and the digest of the selected sources
   * @throws CopyException a one-line user error naming {@link CopyRequest#location()}
   */
  CopyPlan plan(CopyRequest request, SourceTree source, Path destinationRoot) throws CopyException;

  /**
   * The digest that stands for the sources of {@code request} in its step's cache key: the
   * {@link CopyPlan#sourceDigest()} of {@link CopyRequest#forCacheKey()}, planned without a
   * destination root (so nothing needs mounting), without sorting the entries.
   *
   * @throws CopyException as {@link #plan} (a missing source, a bad flag)
   */
  SourceDigest keyDigest(CopyRequest request, SourceTree source) throws CopyException;

  /**
   * An engine for one step. It may plan the step more than once (its cache key with
   * {@link CopyRequest#forCacheKey()}, then, on a miss, the step itself) and downloads each ADD URL
   * and reads each source's xattrs only once for all of them.
   *
   * @param scratch a private directory for ADD downloads and extracted archive contents; keep it
   *     until the layer is written, then delete it
   * @param clock the clock for the mtime of created directories and files without one
   */
  static CopyEngine create(Path scratch, Clock clock) {
    return new DefaultCopyEngine(scratch, clock, UrlFetcher.withDefaultClient());
  }
}
