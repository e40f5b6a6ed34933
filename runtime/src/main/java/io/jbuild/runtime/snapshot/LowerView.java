package io.jbuild.runtime.snapshot;

import io.jbuild.runtime.fs.InRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Looks a path up in a stack of overlay lower directories (top-most first) the way overlayfs
 * merges them: whiteouts hide, opaque directories stop the search, a non-directory hides what is
 * below it. Cost: one lstat per layer and path component at most.
 */
final class LowerView {
  private final List<Path> lowers;

  LowerView(List<Path> lowers) {
    this.lowers = List.copyOf(lowers);
  }

  /** The host path providing {@code rel} in the merged lower view, if any. */
  Optional<Path> lookup(String rel) throws IOException {
    List<String> comps = InRoot.split(rel);
    for (Path lower : lowers) {
      Path p = lower;
      boolean stopBelow = false;
      boolean missing = false;
      for (int i = 0; i < comps.size(); i++) {
        p = p.resolve(comps.get(i));
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          missing = true;
          break;
        }
        if (OverlayFormat.isWhiteout(p)) {
          return Optional.empty();
        }
        if (i == comps.size() - 1) {
          return Optional.of(p);
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.empty();
        }
        if (OverlayFormat.isOpaque(p)) {
          stopBelow = true;
        }
      }
      if (missing && stopBelow) {
        return Optional.empty();
      }
      if (!missing && comps.isEmpty()) {
        return Optional.of(lower);
      }
    }
    return Optional.empty();
  }
}
