/**
 * Images a build starts from or ends in: {@link io.jbuild.builder.image.ImageResolver} resolves
 * {@code FROM}/{@code --from} references (local store, {@code oci-layout://}, registry) and
 * {@link io.jbuild.builder.image.ImagePusher} pushes a stored image.
 */
package io.jbuild.builder.image;
