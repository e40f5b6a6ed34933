package io.jbuild.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Writes the man pages of every jbuild command ({@code jbuild.1}, {@code jbuild-build.1}, ...) into a
 * directory, at build time: {@code java -cp ... io.jbuild.cli.ManPages builder/target/man}. The pages are
 * rendered from the same picocli model as {@code --help} by {@link ManPageWriter}, so they never drift
 * from the code. View one with {@code man -l builder/target/man/jbuild-build.1}.
 */
public final class ManPages {
  private ManPages() {}

  /** Entry point: {@code args[0]} is the output directory (default {@code target/man}). */
  public static void main(String[] args) throws IOException {
    List<Path> written = write(Path.of(args.length > 0 ? args[0] : "target/man"));
    System.out.println("jbuild: wrote " + written.size() + " man pages to "
        + (written.isEmpty() ? "nothing" : written.get(0).getParent()));
  }

  /** Writes one page per visible command of the jbuild command tree into {@code dir}; returns the files. */
  public static List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    ManPageWriter writer = new ManPageWriter(VersionInfo.buildVersion());
    List<Path> written = new ArrayList<>();
    walk(root(), dir, writer, written);
    return written;
  }

  /** The jbuild command tree, with {@code completion} added if the top-level command does not register it yet. */
  static CommandLine root() {
    CommandLine root = new CommandLine(new JbuildCommand());
    if (!root.getSubcommands().containsKey("completion")) {
      root.addSubcommand(new CompletionCommand());
    }
    return root;
  }

  private static void walk(CommandLine cmd, Path dir, ManPageWriter writer, List<Path> written) throws IOException {
    Path file = dir.resolve(ManPageWriter.pageName(cmd.getCommandSpec()) + ".1");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w)) {
      writer.write(cmd.getCommandSpec(), out);
    }
    written.add(file);
    for (CommandLine sub : ManPageWriter.subcommands(cmd.getCommandSpec())) {
      walk(sub, dir, writer, written);
    }
  }
}
