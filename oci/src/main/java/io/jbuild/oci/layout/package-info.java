/**
 * OCI image layouts and {@code docker load} archives: writing them (as a directory or a reproducible
 * tar) from a {@link io.jbuild.oci.store.BlobSource}, and reading them ({@code FROM oci-layout://DIR[:tag]})
 * into a {@link io.jbuild.oci.store.BlobStore}. Implements image-spec image-layout.md and the
 * {@code manifest.json} format of Docker's image tarballs.
 */
package io.jbuild.oci.layout;
