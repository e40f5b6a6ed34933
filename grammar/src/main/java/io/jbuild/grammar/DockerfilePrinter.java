package io.jbuild.grammar;

import io.jbuild.grammar.instruction.Add;
import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.instruction.ArgDeclaration;
import io.jbuild.grammar.instruction.Cmd;
import io.jbuild.grammar.instruction.Command;
import io.jbuild.grammar.instruction.Copy;
import io.jbuild.grammar.instruction.Entrypoint;
import io.jbuild.grammar.instruction.Env;
import io.jbuild.grammar.instruction.Expose;
import io.jbuild.grammar.instruction.From;
import io.jbuild.grammar.instruction.Healthcheck;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.instruction.InstructionVisitor;
import io.jbuild.grammar.instruction.KeyValue;
import io.jbuild.grammar.instruction.Label;
import io.jbuild.grammar.instruction.Maintainer;
import io.jbuild.grammar.instruction.Mount;
import io.jbuild.grammar.instruction.Onbuild;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.instruction.Shell;
import io.jbuild.grammar.instruction.Stopsignal;
import io.jbuild.grammar.instruction.User;
import io.jbuild.grammar.instruction.Volume;
import io.jbuild.grammar.instruction.Workdir;
import io.jbuild.grammar.syntax.Directive;
import io.jbuild.grammar.syntax.DockerfileWords;
import io.jbuild.grammar.syntax.Heredoc;
import java.time.Duration;
import java.util.List;

/**
 * Writes a {@link Dockerfile} model as Dockerfile text that {@link DockerfileParser} reads back to
 * an equal model (source ranges aside): directives, global ARGs, then each stage. Values are printed
 * raw, as they are stored; flag values with blanks or quotes are double-quoted; word lists that
 * contain blanks use the JSON form; heredoc bodies follow their line.
 */
public final class DockerfilePrinter {
  private DockerfilePrinter() {}

  /**
   * @param dockerfile the model
   * @return Dockerfile text, one instruction per line, ending with a newline
   */
  public static String print(Dockerfile dockerfile) {
    StringBuilder b = new StringBuilder();
    for (Directive d : dockerfile.directives()) {
      b.append("# ").append(d.name()).append('=').append(d.value()).append('\n');
    }
    if (!dockerfile.directives().isEmpty()) {
      b.append('\n');
    }
    Printer printer = new Printer(dockerfile.escapeChar());
    for (Arg a : dockerfile.globalArgs()) {
      b.append(a.accept(printer)).append('\n');
    }
    for (Stage s : dockerfile.stages()) {
      b.append(s.from().accept(printer)).append('\n');
      for (Instruction i : s.instructions()) {
        b.append(i.accept(printer)).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * @param d a duration
   * @return Go-style text ({@code 30s}, {@code 1500ms}) that Go's {@code time.ParseDuration} reads back
   */
  public static String formatDuration(Duration d) {
    return DurationText.format(d);
  }

  /**
   * @param instruction one instruction
   * @return its text (for the default escape character), heredoc bodies included, without a final newline
   */
  public static String print(Instruction instruction) {
    return instruction.accept(new Printer('\\'));
  }

  private static final class Printer implements InstructionVisitor<String> {
    private final char escape;

    Printer(char escape) {
      this.escape = escape;
    }

    @Override
    public String visitFrom(From i) {
      StringBuilder b = new StringBuilder("FROM");
      flag(b, "platform", i.platform());
      b.append(' ').append(i.image());
      if (i.stageName() != null) {
        b.append(" AS ").append(i.stageName());
      }
      return b.toString();
    }

    @Override
    public String visitRun(Run i) {
      StringBuilder b = new StringBuilder("RUN");
      for (Mount m : i.mounts()) {
        flag(b, "mount", m.raw());
      }
      flag(b, "network", i.network());
      flag(b, "security", i.security());
      command(b, i.command());
      return heredocs(b, i.heredocs());
    }

    @Override
    public String visitCmd(Cmd i) {
      return command(new StringBuilder("CMD"), i.command()).toString();
    }

    @Override
    public String visitEntrypoint(Entrypoint i) {
      return command(new StringBuilder("ENTRYPOINT"), i.command()).toString();
    }

    @Override
    public String visitShell(Shell i) {
      return command(new StringBuilder("SHELL"), i.command()).toString();
    }

    @Override
    public String visitEnv(Env i) {
      return pairs("ENV", i.pairs());
    }

    @Override
    public String visitLabel(Label i) {
      return pairs("LABEL", i.pairs());
    }

    @Override
    public String visitMaintainer(Maintainer i) {
      return "MAINTAINER " + i.name();
    }

    @Override
    public String visitExpose(Expose i) {
      return "EXPOSE " + String.join(" ", i.ports());
    }

    @Override
    public String visitAdd(Add i) {
      StringBuilder b = new StringBuilder("ADD");
      flag(b, "chown", i.chown());
      flag(b, "chmod", i.chmod());
      bool(b, "link", i.link());
      bool(b, "keep-git-dir", i.keepGitDir());
      flag(b, "checksum", i.checksum());
      i.excludes().forEach(e -> flag(b, "exclude", e));
      if (i.unpack() != null) {
        flag(b, "unpack", i.unpack().toString());
      }
      words(b, i.sources(), i.destination());
      return heredocs(b, i.heredocs());
    }

    @Override
    public String visitCopy(Copy i) {
      StringBuilder b = new StringBuilder("COPY");
      flag(b, "from", i.from());
      flag(b, "chown", i.chown());
      flag(b, "chmod", i.chmod());
      bool(b, "link", i.link());
      bool(b, "parents", i.parents());
      i.excludes().forEach(e -> flag(b, "exclude", e));
      words(b, i.sources(), i.destination());
      return heredocs(b, i.heredocs());
    }

    @Override
    public String visitVolume(Volume i) {
      StringBuilder b = new StringBuilder("VOLUME");
      if (i.paths().stream().anyMatch(DockerfilePrinter::hasBlank)) {
        b.append(' ').append(JsonText.array(i.paths()));
      } else {
        i.paths().forEach(p -> b.append(' ').append(p));
      }
      return b.toString();
    }

    @Override
    public String visitUser(User i) {
      return "USER " + i.user();
    }

    @Override
    public String visitWorkdir(Workdir i) {
      return "WORKDIR " + i.path();
    }

    @Override
    public String visitArg(Arg i) {
      StringBuilder b = new StringBuilder("ARG");
      for (ArgDeclaration d : i.declarations()) {
        b.append(' ').append(d.name());
        if (d.defaultValue() != null) {
          b.append('=').append(d.defaultValue());
        }
      }
      return b.toString();
    }

    @Override
    public String visitOnbuild(Onbuild i) {
      return "ONBUILD " + i.expression();
    }

    @Override
    public String visitStopsignal(Stopsignal i) {
      return "STOPSIGNAL " + i.signal();
    }

    @Override
    public String visitHealthcheck(Healthcheck i) {
      if (i.none()) {
        return "HEALTHCHECK NONE";
      }
      StringBuilder b = new StringBuilder("HEALTHCHECK");
      duration(b, "interval", i.interval());
      duration(b, "timeout", i.timeout());
      duration(b, "start-period", i.startPeriod());
      duration(b, "start-interval", i.startInterval());
      if (i.retries() != 0) {
        flag(b, "retries", Integer.toString(i.retries()));
      }
      b.append(" CMD");
      return command(b, i.test()).toString();
    }

    private static void duration(StringBuilder b, String name, Duration d) {
      if (!d.isZero()) {
        flag(b, name, DurationText.format(d));
      }
    }

    private static StringBuilder command(StringBuilder b, Command c) {
      if (c.execForm()) {
        b.append(' ').append(JsonText.array(c.arguments()));
      } else if (!c.shellText().isEmpty()) {
        b.append(' ').append(c.shellText());
      }
      return b;
    }

    private String pairs(String keyword, List<KeyValue> pairs) {
      StringBuilder b = new StringBuilder(keyword);
      if (pairs.size() == 1 && needsLegacyForm(pairs.get(0))) {
        return b.append(' ').append(pairs.get(0).key()).append(' ').append(pairs.get(0).value()).toString();
      }
      for (KeyValue kv : pairs) {
        b.append(' ').append(kv.key()).append('=').append(kv.value());
      }
      return b.toString();
    }

    /** A pair whose {@code key=value} would not stay one word only survives in the legacy {@code KEY value} form. */
    private boolean needsLegacyForm(KeyValue kv) {
      String joined = kv.key() + "=" + kv.value();
      return !kv.value().isEmpty() && !kv.key().contains("=") && !DockerfileWords.split(joined, escape).equals(List.of(joined));
    }

    private static void words(StringBuilder b, List<String> sources, String destination) {
      List<String> all = new java.util.ArrayList<>(sources);
      all.add(destination);
      if (all.stream().anyMatch(DockerfilePrinter::hasBlank)) {
        b.append(' ').append(JsonText.array(all));
      } else {
        all.forEach(w -> b.append(' ').append(w));
      }
    }

    private static String heredocs(StringBuilder b, List<Heredoc> docs) {
      for (Heredoc h : docs) {
        b.append('\n').append(h.content()).append(h.name());
      }
      return b.toString();
    }

    private static void bool(StringBuilder b, String name, boolean value) {
      if (value) {
        b.append(" --").append(name);
      }
    }

    private static void flag(StringBuilder b, String name, String value) {
      if (value == null) {
        return;
      }
      b.append(" --").append(name).append('=');
      if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '\\' || c == 0x85 || c == 0xA0)) {
        b.append('"');
        value.chars().forEach(c -> {
          if (c == '"' || c == '\\') {
            b.append('\\');
          }
          b.append((char) c);
        });
        b.append('"');
      } else {
        b.append(value);
      }
    }
  }

  private static boolean hasBlank(String s) {
    return s.chars().anyMatch(c -> c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == '\n');
  }

  /** JSON arrays of strings for the exec form. */
  private static final class JsonText {
    static String array(List<String> values) {
      StringBuilder b = new StringBuilder("[");
      for (int k = 0; k < values.size(); k++) {
        if (k > 0) {
          b.append(", ");
        }
        b.append('"');
        for (char c : values.get(k).toCharArray()) {
          switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
              if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
              } else {
                b.append(c);
              }
            }
          }
        }
        b.append('"');
      }
      return b.append(']').toString();
    }
  }

  /** Go-style durations ({@code 30s}, {@code 1500ms}) that Go's ParseDuration reads back. */
  private static final class DurationText {
    static String format(Duration d) {
      long n = d.toNanos();
      String[] names = {"h", "m", "s", "ms", "us", "ns"};
      long[] scales = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
      for (int k = 0; k < names.length; k++) {
        if (n % scales[k] == 0) {
          return (n / scales[k]) + names[k];
        }
      }
      return n + "ns";
    }
  }
}
