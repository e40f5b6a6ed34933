/**
 * Layer tarballs as the OCI image spec defines them
 * (<a href="https://github.com/opencontainers/image-spec/blob/main/layer.md">layer.md</a>).
 *
 * <ul>
 *   <li>{@link io.jbuild.oci.layer.LayerEntry} is one entry of a layer (file, directory, link, device, whiteout);
 *       {@link io.jbuild.oci.layer.Whiteouts} names the whiteout conventions.</li>
 *   <li>{@link io.jbuild.oci.layer.LayerWriter} writes entries as a reproducible tar, compressed with
 *       {@link io.jbuild.oci.layer.Compression} while both digests are computed in the same pass.</li>
 *   <li>{@link io.jbuild.oci.layer.LayerReader} detects the compression of a layer blob and reads its entries back.</li>
 *   <li>{@link io.jbuild.oci.layer.LayerApplier} extracts a layer onto a root directory, honouring whiteouts and
 *       confining every entry to that root, or into an overlayfs lower directory.</li>
 *   <li>{@link io.jbuild.oci.layer.LayerDiff} computes the entries that turn one directory tree into another.</li>
 * </ul>
 */
package io.jbuild.oci.layer;
