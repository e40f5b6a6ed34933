/**
 * Remote build cache: {@code --cache-to} / {@code --cache-from} in BuildKit's syntax
 * ({@link io.jbuild.builder.remotecache.CacheSpec}: {@code type=registry,ref=REF[,mode=min|max]
 * [,compression=gzip|zstd]}, {@code type=local,dest=DIR} / {@code type=local,src=DIR}).
 *
 * <h2>Format</h2>
 * A cache is a plain OCI image manifest ({@code application/vnd.oci.image.manifest.v1+json}), the shape
 * every registry accepts:
 * <ul>
 *   <li>its config blob has media type {@code application/vnd.jbuild.cache.config.v1+json} and holds
 *       {@code {"schemaVersion":1,"steps":{"<cache key hex>":<ImageState>,...}}}: for each exported
 *       step, the JSON of the {@link io.jbuild.builder.state.ImageState} the local step cache stores
 *       under that key (config with history and rootfs diff ids, and the layer descriptors);</li>
 *   <li>its layers are the union of the layer blobs those states reference, deduplicated, in a stable
 *       order (steps sorted by key, each state's layers base first), so the same steps give the same
 *       manifest digest.</li>
 * </ul>
 * In a registry it lives under the {@code ref} tag; in a {@code type=local} directory it is an OCI image
 * layout whose {@code index.json} entry carries {@code org.opencontainers.image.ref.name=<tag>}
 * (default {@code latest}). Cache keys are those of {@link io.jbuild.builder.cache.CacheKey}: the same on
 * every machine for the same inputs.
 *
 * <h2>Flow</h2>
 * {@link io.jbuild.builder.remotecache.CacheSession} is what a build holds: its
 * {@link io.jbuild.builder.remotecache.CacheSource#find} tries the local step cache, then the imported
 * caches ({@link io.jbuild.builder.remotecache.RemoteCache}, loaded once per build, manifest and config
 * only), fetching only the missing layers of a hit and writing the local entry; its
 * {@link io.jbuild.builder.remotecache.CacheRecorder#record} collects every cached step (run or hit);
 * {@link io.jbuild.builder.remotecache.CacheSession#export} writes them with
 * {@link io.jbuild.builder.remotecache.CacheExporter} ({@code mode=max}: all steps; {@code min}: only
 * the final image's chain) after the build.
 */
package io.jbuild.builder.remotecache;
