/**
 * {@code jbuild warm}: pre-pulls the base images of Dockerfiles (after ARG expansion, as BuildKit
 * resolves them), extra images and the layers of remote caches into the local store and extracted-layer
 * cache, so the next build on the machine fetches nothing. {@link io.jbuild.builder.warm.Warmer} does it;
 * {@link io.jbuild.builder.warm.BaseImages} finds the images; {@link io.jbuild.builder.warm.ResolvedTags}
 * remembers when each tag was resolved ({@code --cache-ttl}).
 */
package io.jbuild.builder.warm;
