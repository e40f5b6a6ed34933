package io.jbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code jbuild} command: only a container for the subcommands. */
@Command(name = "jbuild", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "Daemonless Dockerfile image builder.%nWithout a subcommand, arguments are those of 'build'.",
    subcommands = {CommandLine.HelpCommand.class, BuildCommand.class, ParseCommand.class, ImagesCommand.class, RmiCommand.class,
        StorePruneCommand.class, DuCommand.class, CacheCommand.class, WarmCommand.class, PullCommand.class, PushCommand.class,
        InspectCommand.class, LoginCommand.class, LogoutCommand.class, CompletionCommand.class, VersionCommand.class,
        io.jbuild.cli.training.TrainCdsCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 build or input error, 2 usage error, 3 registry/auth error.",
        "Examples:", "  jbuild -t demo:1 .", "  jbuild -t demo:1 --output type=oci,dest=out,tar=false ."})
final class JbuildCommand implements Runnable {
  @Override
  public void run() {
    // picocli prints usage for a bare 'jbuild' via Main's default 'build' dispatch
  }
}
