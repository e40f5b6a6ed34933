/**
 * End-to-end tests of the registry-facing command line against Debian's real distribution registry:
 * {@code login}/{@code logout} with htpasswd and TLS, {@code build --push}, {@code push}, {@code pull},
 * {@code inspect}, and pushes through a fault-injecting proxy, checked with skopeo. Commands run in child
 * JVMs ({@link io.jbuild.cli.registry.Jbuild}) because jbuild reads its home and credentials from the
 * environment.
 */
package io.jbuild.cli.registry;
