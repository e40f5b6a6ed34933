package io.jbuild.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point of the jbuild command line. Without a subcommand the arguments are those of
 * {@code build} ({@code jbuild -t repo:tag .}). User errors print one line
 * {@code jbuild: <message>} to stderr (the stack trace only with {@code --debug}); exit codes are
 * those of {@link ExitCodes}.
 */
public final class Main {
  /** Arguments that belong to the top-level command rather than to {@code build}. */
  private static final Set<String> TOP_LEVEL = Set.of("help", "--help", "-h", "--version", "-V");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    io.jbuild.registry.HttpClients.shutdownAll(); // else exit waits 0.3 s for their selector threads
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    List<String> argv = new ArrayList<>(Arrays.asList(args));
    boolean debug = argv.remove("--debug");
    CommandLine cli = new CommandLine(new JbuildCommand());
    if (argv.isEmpty() || !(TOP_LEVEL.contains(argv.get(0)) || cli.getSubcommands().containsKey(argv.get(0)))) {
      argv.add(0, "build");
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler(debug));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("jbuild: " + ex.getMessage());
      err.println("Run 'jbuild " + ex.getCommandLine().getCommandName() + " --help' for usage.");
      err.flush();
      return ExitCodes.USAGE;
    });
    int code = cli.execute(argv.toArray(String[]::new));
    out.flush();
    err.flush();
    return code;
  }
}
