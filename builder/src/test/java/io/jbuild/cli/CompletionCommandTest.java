package io.jbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The generated completion scripts, exercised in a real bash. */
class CompletionCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    CommandLine root = ManPages.root();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out));
    root.setErr(new PrintWriter(err));
    int code = root.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  /** What bash completes for the words of {@code line} (the last word is the one being completed). */
  private List<String> complete(String script, String... words) throws Exception {
    Path file = tmp.resolve("jbuild-completion.bash");
    Files.writeString(file, script);
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append('\'');
    }
    String cmd = "source " + file + " 2>/dev/null\n"
        + "COMP_WORDS=(" + array + " )\n"
        + "COMP_CWORD=" + (words.length - 1) + "\n"
        + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
        + "_complete_jbuild 2>/dev/null\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void bashCompletesSubcommandsOptionsAndShells() throws Exception {
    String[] r = run("completion", "bash");
    assertEquals("0", r[0], r[2]);
    String script = r[1];
    assertTrue(script.contains("_complete_jbuild"), "defines the completion function");

    List<String> subcommands = complete(script, "jbuild", "");
    assertTrue(subcommands.containsAll(List.of("build", "completion", "version")), subcommands.toString());
    assertEquals(List.of("completion"), complete(script, "jbuild", "compl"));
    List<String> options = complete(script, "jbuild", "build", "--pro");
    assertTrue(options.contains("--progress"), options.toString());
    assertEquals(List.of("bash", "zsh").stream().sorted().toList(),
        complete(script, "jbuild", "completion", "").stream().sorted().toList());
  }

  @Test
  void zshGetsTheBashScriptThroughBashcompinit() {
    String[] r = run("completion", "zsh");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("autoload -U +X bashcompinit && bashcompinit"), r[1]);
    assertTrue(r[1].contains("_complete_jbuild"));
    assertTrue(r[1].contains("complete -F _complete_jbuild"), "registers the function with bash's complete");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    String[] r = run("completion", "fish");
    assertEquals(String.valueOf(ExitCodes.USAGE), r[0]);
    assertTrue(r[2].contains("fish"), r[2]);
  }

  @Test
  void helpHasExamples() {
    String[] r = run("completion", "--help");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("source <(jbuild completion bash)"), r[1]);
  }
}
