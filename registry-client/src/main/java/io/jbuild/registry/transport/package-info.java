/**
 * The HTTP side of the registry client: one small class per distribution-spec endpoint
 * ({@code ManifestGet}, {@code BlobHead}, {@code UploadStart}, ...), and one {@link
 * io.jbuild.registry.transport.Caller} that owns scheme selection, authentication (Basic and the
 * Bearer token flow), redirects, retries with backoff and the mapping of error bodies to
 * {@link io.jbuild.registry.RegistryException}. {@link io.jbuild.registry.transport.HttpRegistryClient}
 * composes them into pull and push. Only that class is public.
 */
package io.jbuild.registry.transport;
