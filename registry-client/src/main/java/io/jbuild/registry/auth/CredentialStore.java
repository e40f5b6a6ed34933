package io.jbuild.registry.auth;

import java.io.IOException;
import java.util.Optional;

/** Looks up credentials for a registry host ({@code host[:port]}; Docker Hub as {@code docker.io}). */
@FunctionalInterface
public interface CredentialStore {
  /** The credentials for {@code registry}, or empty for anonymous access. */
  Optional<Credentials> find(String registry) throws IOException;
}
