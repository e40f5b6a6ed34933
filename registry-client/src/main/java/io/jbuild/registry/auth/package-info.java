/**
 * Registry credentials: where they come from (Docker's {@code config.json} with {@code auths},
 * {@code credsStore} and {@code credHelpers}; podman's {@code auth.json}), how {@code login}/{@code logout}
 * store them, and how {@code WWW-Authenticate} challenges are parsed. {@link io.jbuild.registry.auth.Credentials}
 * never prints its secrets.
 */
package io.jbuild.registry.auth;
