package io.jbuild.registry;

import io.jbuild.registry.transport.HttpRegistryClient;

/** Creates {@link RegistryClient}s. */
public final class RegistryClients {
  private RegistryClients() {}

  /** A client over the JDK's {@code java.net.http.HttpClient}. */
  public static RegistryClient create(RegistryOptions options) {
    return HttpRegistryClient.create(options);
  }
}
