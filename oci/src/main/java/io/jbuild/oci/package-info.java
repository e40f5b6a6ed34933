/**
 * The OCI / Docker image model as immutable values: {@link io.jbuild.oci.Digest},
 * {@link io.jbuild.oci.Descriptor}, {@link io.jbuild.oci.ImageManifest}, {@link io.jbuild.oci.ImageIndex},
 * {@link io.jbuild.oci.ImageConfig} (with {@link io.jbuild.oci.ContainerConfig},
 * {@link io.jbuild.oci.HealthConfig}, {@link io.jbuild.oci.RootFs}, {@link io.jbuild.oci.History}) and
 * {@link io.jbuild.oci.Platform}. Field names and omission rules follow the OCI image spec and Docker's
 * image JSON exactly; values are transformed with {@code with...} methods, never mutated. Encoding lives
 * in {@code io.jbuild.oci.json}, storage in {@code io.jbuild.oci.store}, layouts in
 * {@code io.jbuild.oci.layout}.
 */
package io.jbuild.oci;
