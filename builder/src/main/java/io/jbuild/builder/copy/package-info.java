/**
 * The COPY/ADD file engine: turns one COPY or ADD instruction (already word-expanded) plus a
 * source tree and a read-only view of the destination root file system into the sorted
 * {@link io.jbuild.oci.layer.LayerEntry} list of its layer, with BuildKit's semantics, and the
 * {@link io.jbuild.builder.context.SourceDigest} of what was selected for the step's cache key.
 *
 * <p>Entry point: {@link io.jbuild.builder.copy.CopyEngine#create} and
 * {@link io.jbuild.builder.copy.CopyEngine#plan}. Nothing is written to the destination: the
 * caller hands the entries to the layer writer.
 */
package io.jbuild.builder.copy;
