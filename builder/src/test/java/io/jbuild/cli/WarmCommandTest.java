package io.jbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jbuild warm} rejects bad input as usage errors before touching the store; help has examples. */
class WarmCommandTest {

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new WarmCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("jbuild: " + ex.getMessage());
      return ExitCodes.USAGE;
    });
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void nothingToWarmIsAUsageError() {
    Run r = run();
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("nothing to warm"), r.err());
  }

  @Test
  void badTtlPlatformAndCacheSpecAreUsageErrors() {
    Run r = run("--image", "busybox", "--cache-ttl", "soon");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("invalid duration \"soon\""), r.err());
    r = run("--cache-from", "type=gha");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("not supported"), r.err());
    r = run("--cache-from", "type=local,dest=/x");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("src=DIR"), r.err());
  }

  @Test
  void helpShowsExamples() {
    Run r = run("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("jbuild warm -f Dockerfile"), r.out());
    assertTrue(r.out().contains("--cache-ttl"), r.out());
  }
}
