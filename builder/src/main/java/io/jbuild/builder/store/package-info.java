/**
 * The local image store under {@code $JBUILD_HOME}: content-addressed blobs, a name index written
 * atomically under a file lock, and the extracted-layer cache used as overlay lower directories and
 * as {@code COPY --from} source trees. See {@link io.jbuild.builder.store.JbuildHome} for the layout.
 */
package io.jbuild.builder.store;
