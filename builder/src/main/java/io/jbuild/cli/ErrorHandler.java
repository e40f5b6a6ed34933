package io.jbuild.cli;

import io.jbuild.builder.BuildException;
import io.jbuild.registry.RegistryException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps exceptions thrown by commands to one line on stderr and an exit code: registry errors 3,
 * build/input errors 1; unexpected exceptions also 1, with their message chain. The stack trace is
 * printed only in debug mode.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private final boolean debug;

  ErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    err.println("jbuild: " + message(ex));
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return isRegistry(ex) ? ExitCodes.REGISTRY : ExitCodes.BUILD_ERROR;
  }

  static boolean isRegistry(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof RegistryException) {
        return true;
      }
    }
    return false;
  }

  /** The message of a user error, or a context chain for anything else. */
  static String message(Throwable ex) {
    if (ex instanceof BuildException || ex instanceof RegistryException) {
      return ex.getMessage();
    }
    StringBuilder sb = new StringBuilder();
    for (Throwable t = ex; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (sb.indexOf(m) < 0) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(m);
      }
    }
    return sb.toString();
  }
}
