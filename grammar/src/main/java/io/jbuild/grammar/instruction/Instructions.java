package io.jbuild.grammar.instruction;

import io.jbuild.grammar.DockerfileSyntaxException;
import io.jbuild.grammar.syntax.LineError;
import io.jbuild.grammar.syntax.Node;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns syntax nodes into typed instructions with BuildKit's checks ({@code
 * instructions.ParseInstruction}): unknown instructions, unknown or duplicate flags, argument
 * counts, stage names, JSON-only SHELL, HEALTHCHECK options, RUN network/security modes and mounts.
 */
public final class Instructions {
  private static final Map<String, Function<Request, Instruction>> PARSERS = Map.ofEntries(
      Map.entry("from", MetadataInstructions::from),
      Map.entry("env", MetadataInstructions::env),
      Map.entry("label", MetadataInstructions::label),
      Map.entry("arg", MetadataInstructions::arg),
      Map.entry("expose", MetadataInstructions::expose),
      Map.entry("maintainer", MetadataInstructions::maintainer),
      Map.entry("user", MetadataInstructions::user),
      Map.entry("stopsignal", MetadataInstructions::stopsignal),
      Map.entry("onbuild", r -> MetadataInstructions.onbuild(r, Instructions::dispatch)),
      Map.entry("run", CommandInstructions::run),
      Map.entry("cmd", CommandInstructions::cmd),
      Map.entry("entrypoint", CommandInstructions::entrypoint),
      Map.entry("shell", CommandInstructions::shell),
      Map.entry("healthcheck", CommandInstructions::healthcheck),
      Map.entry("add", FileInstructions::add),
      Map.entry("copy", FileInstructions::copy),
      Map.entry("volume", FileInstructions::volume),
      Map.entry("workdir", FileInstructions::workdir));

  private Instructions() {}

  /**
   * @param node a syntax node
   * @param file the Dockerfile name for the source range and messages
   * @return the typed instruction
   * @throws DockerfileSyntaxException when BuildKit would reject the instruction
   */
  public static Instruction fromNode(Node node, String file) throws DockerfileSyntaxException {
    SourceRange range = new SourceRange(file, node.startLine(), node.endLine(), node.column());
    try {
      return dispatch(Request.of(node, range));
    } catch (LineError e) {
      throw new DockerfileSyntaxException(file, node.startLine(), node.column(), e.getMessage());
    }
  }

  private static Instruction dispatch(Request r) {
    Function<Request, Instruction> parser = PARSERS.get(r.node().keyword().toLowerCase(Locale.ROOT));
    if (parser == null) {
      String keyword = r.node().keyword();
      throw new LineError("unknown instruction: " + keyword
          + Suggest.didYouMean(keyword, PARSERS.keySet().stream().map(k -> k.toUpperCase(Locale.ROOT)).toList(), false));
    }
    return parser.apply(r);
  }
}
