package io.jbuild.grammar.json;

import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.DockerfilePrinter;
import io.jbuild.grammar.Stage;
import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.instruction.Instruction;

/**
 * The human-readable form of {@code jbuild parse}: directives, global ARGs, then each stage with its
 * base and its instructions, one per line prefixed with the source line; heredoc bodies are
 * summarised.
 *
 * <pre>
 * syntax: docker/dockerfile:1
 * global args:
 *   1: ARG VERSION=1.0
 * stage 0 build: golang:${VERSION} (line 3)
 *   4: RUN go build ./... (+2 heredoc lines)
 * </pre>
 */
public final class DockerfileText {
  private DockerfileText() {}

  /**
   * @param dockerfile a parsed Dockerfile
   * @return the summary, ending with a newline
   */
  public static String write(Dockerfile dockerfile) {
    StringBuilder b = new StringBuilder();
    dockerfile.directives().forEach(d -> b.append(d.name()).append(": ").append(d.value()).append('\n'));
    if (!dockerfile.globalArgs().isEmpty()) {
      b.append("global args:\n");
      for (Arg a : dockerfile.globalArgs()) {
        line(b, a);
      }
    }
    for (Stage s : dockerfile.stages()) {
      b.append("stage ").append(s.index());
      if (s.name() != null) {
        b.append(' ').append(s.name());
      }
      b.append(": ").append(s.base());
      if (s.from().platform() != null) {
        b.append(" [platform ").append(s.from().platform()).append(']');
      }
      b.append(" (line ").append(s.from().range().startLine()).append(")\n");
      for (Instruction i : s.instructions()) {
        line(b, i);
      }
    }
    return b.toString();
  }

  private static void line(StringBuilder b, Instruction i) {
    String text = DockerfilePrinter.print(i);
    int nl = text.indexOf('\n');
    b.append("  ").append(i.range().startLine()).append(": ");
    if (nl < 0) {
      b.append(text);
    } else {
      long extra = text.chars().filter(c -> c == '\n').count();
      b.append(text, 0, nl).append(" (+").append(extra).append(" heredoc lines)");
    }
    b.append('\n');
  }
}
