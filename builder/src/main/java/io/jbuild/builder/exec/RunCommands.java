package io.jbuild.builder.exec;

import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.syntax.Heredoc;
import io.jbuild.oci.ContainerConfig;
import io.jbuild.runtime.spec.MountRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The argv of a RUN, as BuildKit builds it: exec form as written; shell form wrapped in the stage's
 * SHELL; a lone heredoc ({@code RUN <<EOF}) runs its body as a script (a body starting with
 * {@code #!} is mounted read-only at {@code /dev/pipes/NAME}, mode 0755, and executed directly);
 * any other heredoc use passes the command line followed by the heredoc bodies and delimiters to
 * the shell, which reads them natively.
 */
public final class RunCommands {
  private static final Pattern LONE_HEREDOC = Pattern.compile("\\s*\\d?<<-?\\s*([\"']?)([^\\s\"']+)\\1\\s*");

  private RunCommands() {}

  /** The argv and any script mounts of a RUN. */
  public record Prepared(List<String> argv, List<MountRequest> mounts) {}

  public static Prepared prepare(ContainerConfig config, Run run, Path scratch) throws IOException {
    if (run.command().execForm()) {
      return new Prepared(run.command().arguments(), List.of());
    }
    String text = run.command().shellText();
    List<Heredoc> docs = run.heredocs();
    if (docs.isEmpty()) {
      return new Prepared(ConfigOps.withShell(config, text), List.of());
    }
    var m = LONE_HEREDOC.matcher(text);
    if (docs.size() == 1 && m.matches() && m.group(2).equals(docs.get(0).name())) {
      Heredoc h = docs.get(0);
      String body = h.effectiveContent();
      if (body.startsWith("#!")) {
        Files.createDirectories(scratch);
        Path script = Files.createTempFile(scratch, "heredoc-", ".sh");
        Files.writeString(script, body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String target = "/dev/pipes/" + h.name();
        return new Prepared(List.of(target), List.of(MountRequest.bind(script.toAbsolutePath(), target, true)));
      }
      return new Prepared(ConfigOps.withShell(config, body), List.of());
    }
    StringBuilder script = new StringBuilder(text);
    for (Heredoc h : docs) {
      script.append('\n').append(h.content());
      if (!h.content().endsWith("\n") && !h.content().isEmpty()) {
        script.append('\n');
      }
      script.append(h.name());
    }
    return new Prepared(ConfigOps.withShell(config, script.toString()), List.of());
  }
}
