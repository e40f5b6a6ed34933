package io.jbuild.builder.exec;

import io.jbuild.builder.context.ContentHasher;
import io.jbuild.builder.context.IgnoreRules;
import io.jbuild.builder.context.SourceTree;
import java.nio.file.Path;

/**
 * A {@code COPY --from} source: another stage's or an image's root filesystem (a mounted view).
 * Nothing is excluded and ownership is preserved, as BuildKit does for stage sources.
 */
record FromTree(Path root, String description) implements SourceTree {
  @Override
  public IgnoreRules ignore() {
    return IgnoreRules.none();
  }

  @Override
  public boolean rootOwned() {
    return false;
  }

  @Override
  public ContentHasher hasher() {
    return ContentHasher.direct();
  }
}
