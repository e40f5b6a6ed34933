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
import io.jbuild.grammar.instruction.KeyValue;
import io.jbuild.grammar.instruction.Label;
import io.jbuild.grammar.instruction.Maintainer;
import io.jbuild.grammar.instruction.Mount;
import io.jbuild.grammar.instruction.Onbuild;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.instruction.Shell;
import io.jbuild.grammar.instruction.SourceRange;
import io.jbuild.grammar.instruction.Stopsignal;
import io.jbuild.grammar.instruction.User;
import io.jbuild.grammar.instruction.Volume;
import io.jbuild.grammar.instruction.Workdir;
import io.jbuild.grammar.syntax.Directive;
import io.jbuild.grammar.syntax.Heredoc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generates printable Dockerfile models: every value is one that the Dockerfile syntax can carry
 * (no newlines in line values, shell forms that do not look like JSON or flags, and so on).
 */
final class ModelGenerator {
  private static final SourceRange R = SourceRange.NONE;
  private final Random random;
  private final Set<String> stageNames = new HashSet<>();

  ModelGenerator(Random random) {
    this.random = random;
  }

  Dockerfile dockerfile() {
    List<Directive> directives = new ArrayList<>();
    char escape = '\\';
    if (random.nextBoolean()) {
      directives.add(new Directive("syntax", "docker/dockerfile:1." + random.nextInt(20), 0));
    }
    if (random.nextInt(4) == 0) {
      escape = random.nextBoolean() ? '`' : '\\';
      directives.add(new Directive("escape", String.valueOf(escape), 0));
    }
    if (random.nextInt(4) == 0) {
      directives.add(new Directive("check", "skip=" + word() + ";error=true", 0));
    }
    List<Arg> globals = list(0, 3, this::arg);
    List<Stage> stages = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      From from = new From(R, word(), random.nextBoolean() ? stageName() : null, random.nextBoolean() ? "linux/" + word() : null);
      stages.add(new Stage(i, from.stageName(), from, list(0, 8, this::instruction)));
    }
    return new Dockerfile(escape, directives, globals, stages);
  }

  private String stageName() {
    String s;
    do {
      s = (char) ('a' + random.nextInt(26)) + pick("", "x", "-1", "_b.c", "stage");
    } while (!stageNames.add(s));
    return s;
  }

  Instruction instruction() {
    return switch (random.nextInt(19)) {
      case 0 -> new Run(R, random.nextBoolean() ? Command.exec(strings()) : shell(), mounts(), pick(null, "none", "host", "default"),
          pick(null, "sandbox", "insecure"), List.of());
      case 1 -> heredocRun();
      case 2 -> new Cmd(R, random.nextBoolean() ? Command.exec(strings()) : shell());
      case 3 -> new Entrypoint(R, random.nextBoolean() ? Command.exec(strings()) : shell());
      case 4 -> new Shell(R, Command.exec(nonEmpty(strings())));
      case 5 -> new Env(R, pairs());
      case 6 -> new Label(R, pairs());
      case 7 -> new Maintainer(R, text());
      case 8 -> new Expose(R, list(1, 3, () -> random.nextInt(65536) + pick("", "/tcp", "/udp")));
      case 9 -> new Add(R, list(1, 3, this::path), path(), flagValue(), flagValue(), random.nextBoolean(), random.nextBoolean(),
          random.nextBoolean() ? "sha256:" + word() : null, list(0, 2, this::word), pick(null, Boolean.TRUE, Boolean.FALSE), List.of());
      case 10 -> new Copy(R, list(1, 3, this::path), path(), random.nextBoolean() ? "img-" + word() : null, flagValue(), flagValue(),
          random.nextBoolean(), random.nextBoolean(), list(0, 2, this::word), List.of());
      case 11 -> heredocCopy();
      case 12 -> new Volume(R, list(1, 3, this::path));
      case 13 -> new User(R, text());
      case 14 -> new Workdir(R, text());
      case 15 -> arg();
      case 16 -> {
        Instruction trigger = random.nextBoolean() ? new Run(R, shell(), List.of(), null, null, List.of()) : new Env(R, pairs());
        yield new Onbuild(R, DockerfilePrinter.print(trigger), trigger);
      }
      case 17 -> new Stopsignal(R, pick("SIGTERM", "9", "SIGKILL"));
      default -> random.nextInt(3) == 0
          ? new Healthcheck(R, true, null, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0)
          : new Healthcheck(R, false, random.nextBoolean() ? Command.exec(nonEmpty(strings())) : shell(), duration(), duration(),
              duration(), duration(), random.nextInt(5));
    };
  }

  private Run heredocRun() {
    String name = heredocName();
    return new Run(R, Command.shell(word() + " <<" + name), List.of(), null, null, List.of(body(name, false)));
  }

  private Copy heredocCopy() {
    String a = heredocName();
    String b = a + "X";
    return new Copy(R, List.of("<<" + a, "<<" + b), "/" + word(), null, null, null, false, false, List.of(),
        List.of(body(a, false), body(b, false)));
  }

  private Heredoc body(String name, boolean chomp) {
    StringBuilder b = new StringBuilder();
    int lines = random.nextInt(3);
    for (int i = 0; i < lines; i++) {
      b.append(text()).append(random.nextBoolean() ? " $VAR \"q\" 'x' \\" : "").append('\n');
    }
    return new Heredoc(name, 0, true, chomp, b.toString());
  }

  private String heredocName() {
    return pick("EOF", "END", "SCRIPT", "FILE", "X");
  }

  private Duration duration() {
    return switch (random.nextInt(4)) {
      case 0 -> Duration.ZERO;
      case 1 -> Duration.ofSeconds(1 + random.nextInt(120));
      case 2 -> Duration.ofMillis(1 + random.nextInt(5000));
      default -> Duration.ofMinutes(1 + random.nextInt(10)).plusSeconds(random.nextInt(60));
    };
  }

  private List<Mount> mounts() {
    return list(0, 2, () -> {
      String target = "/" + word();
      return random.nextBoolean()
          ? new Mount("type=cache,target=" + target, List.of(new Mount.Option("type", "cache"), new Mount.Option("target", target)))
          : new Mount("target=" + target + ",ro", List.of(new Mount.Option("target", target), new Mount.Option("ro", null)));
    });
  }

  private Arg arg() {
    return new Arg(R, list(1, 3, () -> new ArgDeclaration(key(), pick(null, "", word(), "\"a b\""))));
  }

  private List<KeyValue> pairs() {
    if (random.nextInt(3) == 0) {
      return List.of(new KeyValue(key(), text()));
    }
    return list(1, 3, () -> new KeyValue(key(), pick("", word(), "\"quoted value\"", "'single $x'", word() + "$HOME")));
  }

  private String flagValue() {
    return pick(null, "", word(), "1000:1000", "a b", "q\"uo'te", "back\\slash");
  }

  private Command shell() {
    return Command.shell(text());
  }

  private String text() {
    StringBuilder b = new StringBuilder(word());
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(' ').append(pick(word(), "&&", "$X", "${Y:-z}", "'s q'", "\"d q\"", "|", ">"));
    }
    return b.toString();
  }

  private String path() {
    return pick("/", "./", "") + word() + pick("", "/", "/*.txt", " with space");
  }

  private String key() {
    return pick("A", "PATH", "my_var", "x1", "org.label-schema.name") + (random.nextBoolean() ? "" : word().toUpperCase());
  }

  private String word() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    String more = "abcdefghijklmnopqrstuvwxyz0123456789._:/-@+";
    StringBuilder b = new StringBuilder();
    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append(more.charAt(random.nextInt(more.length())));
    }
    return b.toString();
  }

  private List<String> strings() {
    return list(0, 3, () -> switch (random.nextInt(4)) {
      case 0 -> word();
      case 1 -> "with \"quotes\" and \\ backslash";
      case 2 -> "tab\tnewline\ncontrol\u0001 unicode \u00e9\u4e2d\ud83d\ude00";
      default -> "";
    });
  }

  private static List<String> nonEmpty(List<String> l) {
    return l.isEmpty() ? List.of("sh") : l;
  }

  private <T> List<T> list(int min, int max, Supplier<T> s) {
    int n = min + random.nextInt(max - min + 1);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.get());
    }
    return out;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
