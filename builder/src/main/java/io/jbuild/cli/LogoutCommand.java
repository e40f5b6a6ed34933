package io.jbuild.cli;

import io.jbuild.registry.RegistryLogin;
import io.jbuild.registry.auth.DockerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jbuild logout [REGISTRY]}, as {@code docker logout}: removes the credentials stored for the
 * registry (default Docker Hub) from Docker's config and its credential helper. Prints
 * {@code Removing login credentials for HOST}, or {@code Not logged in to HOST} (still exit 0).
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
    description = "Remove the credentials stored for a registry.")
public final class LogoutCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REGISTRY",
      description = "host[:port] of the registry (default: Docker Hub)")
  String registry;

  @Override
  public Integer call() throws Exception {
    String host;
    try {
      host = RegistryLogin.normalise(registry);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    DockerConfig config = DockerConfig.fromEnvironment(System.getenv());
    boolean removed;
    try {
      removed = RegistryLogin.logout(config, host);
    } catch (IOException e) {
      throw new IOException("removing credentials for " + host + " from " + config.path() + ": "
          + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println((removed ? "Removing login credentials for " : "Not logged in to ") + DockerConfig.keyFor(host));
    out.flush();
    return ExitCodes.OK;
  }
}
