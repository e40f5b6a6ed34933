package io.jbuild.cli;

import io.jbuild.builder.BuildException;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.DockerfileParser;
import io.jbuild.grammar.DockerfileSyntaxException;
import io.jbuild.grammar.json.DockerfileJson;
import io.jbuild.grammar.json.DockerfileText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbuild parse [-f FILE] [--json] [CONTEXT]}: prints the parsed Dockerfile. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse a Dockerfile and print its instructions.",
    footer = {"", "Examples:", "  jbuild parse -f Dockerfile --json"})
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Dockerfile (default: CONTEXT/Dockerfile)")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text")
  boolean json;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONTEXT", description = "Context directory (default .)")
  Path context = Path.of(".");

  @Override
  public Integer call() throws Exception {
    Path f = file != null ? file : context.resolve("Dockerfile");
    if (!Files.isRegularFile(f)) {
      throw new BuildException("failed to read dockerfile: open " + f + ": no such file or directory");
    }
    Dockerfile df;
    try {
      df = DockerfileParser.parse(f.getFileName().toString(), Files.readAllBytes(f));
    } catch (DockerfileSyntaxException e) {
      throw new BuildException(e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("reading " + f + ": " + e.getMessage(), e);
    }
    String out = json ? DockerfileJson.write(df) : DockerfileText.write(df);
    spec.commandLine().getOut().print(out.endsWith("\n") ? out : out + "\n");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
