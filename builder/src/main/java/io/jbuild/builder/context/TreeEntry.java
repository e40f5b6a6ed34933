package io.jbuild.builder.context;

import java.nio.file.Path;

/**
 * One entry met while walking a {@link SourceTree}.
 *
 * @param path the entry's path relative to the tree root, cleaned, {@code /}-separated ({@code ""} for the root)
 * @param file the entry on disk (never followed if it is a symlink)
 * @param meta its {@code lstat} metadata
 */
public record TreeEntry(String path, Path file, FileMeta meta) {}
