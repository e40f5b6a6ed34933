package io.jbuild.builder.context;

import java.nio.file.Path;

/** A plain directory as a {@link SourceTree}: nothing excluded, ownership preserved. */
record DirectoryTree(Path root, ContentHasher hasher, String description) implements SourceTree {
  @Override
  public IgnoreRules ignore() {
    return IgnoreRules.none();
  }

  @Override
  public boolean rootOwned() {
    return false;
  }
}
