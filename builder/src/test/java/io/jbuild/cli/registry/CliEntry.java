package io.jbuild.cli.registry;

import io.jbuild.cli.ExitCodes;
import io.jbuild.cli.LoginCommand;
import io.jbuild.cli.LogoutCommand;
import io.jbuild.cli.Main;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jbuild} command line these tests run in a child JVM: {@link Main} itself, except for
 * {@code login} and {@code logout} while {@code JbuildCommand} does not register them yet. Then those
 * two run on their own command line with the real (package-private) {@code ErrorHandler} and the same
 * usage-error handling as {@code Main}, so exit codes and stderr are the product's.
 */
public final class CliEntry {
  private CliEntry() {}

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    boolean own = args.length > 0 && (args[0].equals("login") || args[0].equals("logout"));
    if (!own || registeredInMain()) {
      System.exit(Main.run(args, out, err));
    }
    List<String> argv = Arrays.asList(args);
    boolean debug = argv.contains("--debug");
    Object command = args[0].equals("login") ? new LoginCommand() : new LogoutCommand();
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(errorHandler(debug));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("jbuild: " + ex.getMessage());
      err.println("Run 'jbuild " + ex.getCommandLine().getCommandName() + " --help' for usage.");
      err.flush();
      return ExitCodes.USAGE;
    });
    String[] rest = argv.subList(1, argv.size()).stream().filter(a -> !a.equals("--debug")).toArray(String[]::new);
    int code = cli.execute(rest);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** True once {@code JbuildCommand} lists {@link LoginCommand} among its subcommands. */
  static boolean registeredInMain() throws ClassNotFoundException {
    Command top = Class.forName("io.jbuild.cli.JbuildCommand").getAnnotation(Command.class);
    return Arrays.asList(top.subcommands()).contains(LoginCommand.class);
  }

  private static CommandLine.IExecutionExceptionHandler errorHandler(boolean debug) throws Exception {
    Constructor<?> c = Class.forName("io.jbuild.cli.ErrorHandler").getDeclaredConstructor(boolean.class);
    c.setAccessible(true);
    return (CommandLine.IExecutionExceptionHandler) c.newInstance(debug);
  }
}
