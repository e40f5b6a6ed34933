/**
 * The content-hash step cache: {@link io.jbuild.builder.cache.CacheKey} (the documented canonical
 * key) and {@link io.jbuild.builder.cache.StepCache} (entries under {@code $JBUILD_HOME/cache}).
 */
package io.jbuild.builder.cache;
