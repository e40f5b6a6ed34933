/**
 * The content-addressed blob store ({@link io.jbuild.oci.store.BlobStore}): blobs under
 * {@code blobs/<algorithm>/<hex>}, written through a temp file and an atomic rename, verified against
 * their digest on read. {@link io.jbuild.oci.store.BlobSource} is the read side other components
 * (layout writers, pushers) depend on.
 */
package io.jbuild.oci.store;
