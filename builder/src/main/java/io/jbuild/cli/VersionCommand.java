package io.jbuild.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild version}: version, git commit, Java, the OCI runtime found and overlayfs availability. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Show version information.")
final class VersionCommand implements Callable<Integer> {
  static final String VERSION = "0.1.0-SNAPSHOT";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The lines of {@code --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return VersionInfo.detect().lines().toArray(String[]::new);
    }
  }
}
