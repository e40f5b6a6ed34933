/**
 * Client for OCI Distribution registries (and what Docker Hub, GHCR, ECR, GCR, Harbor and Quay expect):
 * image references parsed as Docker parses them ({@link io.jbuild.registry.ImageReference}), pulling an
 * image into a caller's {@link io.jbuild.registry.ContentSink} with every byte verified against its
 * digest while it streams, and pushing blobs and manifests. Create a client with
 * {@link io.jbuild.registry.RegistryClients#create(RegistryOptions)}.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 * distribution-spec</a>.
 */
package io.jbuild.registry;
