/**
 * Filesystem snapshots for {@code RUN} steps and the diffs that become layers.
 *
 * <p>A {@link io.jbuild.runtime.snapshot.Snapshotter} stacks the lower directories of the
 * previous layers into a writable rootfs; after the step, {@link
 * io.jbuild.runtime.snapshot.Snapshot#diff()} lists what changed as {@link
 * io.jbuild.runtime.snapshot.DiffEntry}s. The overlayfs snapshotter reads only the upper
 * directory; the copy snapshotter (fallback) copies and walks, and gives the same entries.
 *
 * <p>Lower directories use overlayfs's format, see {@link io.jbuild.runtime.snapshot.OverlayFormat}:
 * a whiteout is a character device 0/0, an opaque directory carries {@code user.overlay.opaque=y}.
 */
package io.jbuild.runtime.snapshot;
