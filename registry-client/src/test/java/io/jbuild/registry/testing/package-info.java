/**
 * Reusable test fixtures (published in the module's test-jar): {@link
 * io.jbuild.registry.testing.RegistryServer} runs Debian's real distribution registry
 * ({@code /usr/bin/docker-registry}) on a free loopback port, optionally with htpasswd auth, TLS,
 * client-certificate checks or Bearer-token auth (via {@link io.jbuild.registry.testing.TokenServer});
 * {@link io.jbuild.registry.testing.FaultProxy} injects failures in front of it;
 * {@link io.jbuild.registry.testing.TestPki} makes CA, server and client certificates;
 * {@link io.jbuild.registry.testing.TestImages} assembles small random images.
 */
package io.jbuild.registry.testing;
