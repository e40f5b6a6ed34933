package io.jbuild.cli;

import io.jbuild.oci.Platform;
import io.jbuild.registry.RegistryOptions;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flags of commands that pull or push images, as a picocli mixin: the connection flags of
 * {@link RegistryConnectionFlags} ({@code --registry-ca}, {@code --insecure-registry},
 * {@code --certs-dir}) plus {@code --platform OS/ARCH[/VARIANT]} (BuildKit's syntax; default the
 * host's). A command mixing this in must not declare {@code --platform} itself.
 */
public final class RegistryFlags {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Mixin
  RegistryConnectionFlags connection = new RegistryConnectionFlags();

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
      description = "Platform to pull or build (default: the host's)")
  String platform;

  /** The registry options these flags describe (see {@link RegistryConnectionFlags#options()}). */
  public RegistryOptions options() {
    return connection.options();
  }

  /** The connection flags alone. */
  public RegistryConnectionFlags connection() {
    return connection;
  }

  /**
   * The platform named by {@code --platform}, if given.
   *
   * @throws CommandLine.ParameterException when it is not {@code OS/ARCH[/VARIANT]}
   */
  public Optional<Platform> requestedPlatform() {
    if (platform == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Platform.parse(platform));
    } catch (IllegalArgumentException e) {
      String message = "invalid --platform \"" + platform + "\": expected OS/ARCH[/VARIANT]";
      throw mixee == null ? new IllegalArgumentException(message)
          : new CommandLine.ParameterException(mixee.commandLine(), message);
    }
  }

  /** {@link #requestedPlatform()}, else the host's platform. */
  public Platform platform() {
    return requestedPlatform().orElseGet(Platform::host);
  }
}
