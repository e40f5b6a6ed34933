package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.context.SourceTree;
import io.jbuild.builder.copy.CopyRequest;
import io.jbuild.builder.copy.HeredocSource;
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
import io.jbuild.grammar.instruction.Onbuild;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.instruction.Shell;
import io.jbuild.grammar.instruction.Stopsignal;
import io.jbuild.grammar.instruction.User;
import io.jbuild.grammar.instruction.Volume;
import io.jbuild.grammar.instruction.Workdir;
import io.jbuild.grammar.shell.Environment;
import io.jbuild.grammar.shell.ExpansionException;
import io.jbuild.grammar.shell.ShellLexer;
import io.jbuild.grammar.syntax.Heredoc;
import io.jbuild.oci.HealthConfig;
import io.jbuild.runtime.spec.NetworkMode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dispatches a stage's instructions to its {@link StageExecutor}, expanding words first as BuildKit
 * does: ENV and LABEL keys and values, ARG defaults, EXPOSE (split into words), VOLUME, USER,
 * WORKDIR, STOPSIGNAL, COPY/ADD sources, destination and flags, and unquoted COPY heredocs, with the
 * variables visible at that point of the stage. RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK and ONBUILD
 * are not expanded (the shell does it at run time, or the trigger is stored as written).
 */
public final class InstructionDispatcher implements InstructionVisitor<Action> {
  private final StageExecutor exec;
  private final ShellLexer lexer;
  private final SourceTree context;
  private final FromSource from;
  private final RunMounts mounts;
  private final NetworkMode defaultNetwork;

  public InstructionDispatcher(StageExecutor exec, ShellLexer lexer, SourceTree context, FromSource from,
      RunMounts mounts, NetworkMode defaultNetwork) {
    this.exec = exec;
    this.lexer = lexer;
    this.context = context;
    this.from = from;
    this.mounts = mounts;
    this.defaultNetwork = defaultNetwork;
  }

  /** Executes one instruction. */
  public void dispatch(Instruction instruction) throws BuildException {
    instruction.accept(this).run();
  }

  private static String loc(Instruction i) {
    return i.range().toString();
  }

  private String word(String w, Instruction at) throws BuildException {
    if (w == null) {
      return null;
    }
    try {
      return lexer.processWord(w, Environment.fromMap(exec.scope().vars()));
    } catch (ExpansionException e) {
      throw new BuildException(loc(at), e.getMessage(), e);
    }
  }

  private List<String> words(String w, Instruction at) throws BuildException {
    try {
      return lexer.processWords(w, Environment.fromMap(exec.scope().vars()));
    } catch (ExpansionException e) {
      throw new BuildException(loc(at), e.getMessage(), e);
    }
  }

  private List<Map.Entry<String, String>> pairs(List<KeyValue> kvs, Instruction at) throws BuildException {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (KeyValue kv : kvs) {
      out.add(new AbstractMap.SimpleImmutableEntry<>(word(kv.key(), at), word(kv.value(), at)));
    }
    return out;
  }

  @Override
  public Action visitFrom(From i) {
    return () -> {
      throw new BuildException(loc(i), "FROM inside a stage");
    };
  }

  @Override
  public Action visitEnv(Env i) {
    return () -> exec.env(pairs(i.pairs(), i));
  }

  @Override
  public Action visitLabel(Label i) {
    return () -> exec.label(pairs(i.pairs(), i));
  }

  @Override
  public Action visitMaintainer(Maintainer i) {
    return () -> exec.maintainer(i.name());
  }

  @Override
  public Action visitExpose(Expose i) {
    return () -> {
      List<String> ports = new ArrayList<>();
      for (String p : i.ports()) {
        ports.addAll(words(p, i));
      }
      try {
        exec.expose(ports);
      } catch (BuildException e) {
        throw new BuildException(loc(i), e.getMessage(), e);
      }
    };
  }

  @Override
  public Action visitVolume(Volume i) {
    return () -> {
      List<String> paths = new ArrayList<>();
      for (String p : volumePaths(i)) {
        paths.add(word(p, i));
      }
      try {
        exec.volume(paths);
      } catch (BuildException e) {
        throw new BuildException(loc(i), e.getMessage(), e);
      }
    };
  }

  private static List<String> volumePaths(Volume v) {
    return v.paths();
  }

  @Override
  public Action visitUser(User i) {
    return () -> exec.user(word(i.user(), i));
  }

  @Override
  public Action visitWorkdir(Workdir i) {
    return () -> exec.workdir(word(i.path(), i), loc(i));
  }

  @Override
  public Action visitStopsignal(Stopsignal i) {
    return () -> {
      try {
        exec.stopSignal(word(i.signal(), i));
      } catch (BuildException e) {
        throw new BuildException(loc(i), e.getMessage(), e);
      }
    };
  }

  @Override
  public Action visitCmd(Cmd i) {
    return () -> exec.cmd(i.command().arguments(), !i.command().execForm());
  }

  @Override
  public Action visitEntrypoint(Entrypoint i) {
    return () -> exec.entrypoint(i.command().arguments(), !i.command().execForm());
  }

  @Override
  public Action visitShell(Shell i) {
    return () -> exec.shell(i.command().arguments());
  }

  @Override
  public Action visitHealthcheck(Healthcheck i) {
    return () -> {
      HealthConfig h;
      if (i.none()) {
        h = HealthConfig.none();
      } else {
        Command c = i.test();
        List<String> test = new ArrayList<>();
        if (c.execForm()) {
          test.add("CMD");
          test.addAll(c.arguments());
        } else {
          test.add("CMD-SHELL");
          test.add(c.shellText());
        }
        h = new HealthConfig(test, i.interval(), i.timeout(), i.startPeriod(), i.startInterval(), i.retries());
      }
      exec.healthcheck(h);
    };
  }

  @Override
  public Action visitOnbuild(Onbuild i) {
    return () -> exec.onbuild(i.expression());
  }

  @Override
  public Action visitArg(Arg i) {
    return () -> {
      List<Map.Entry<String, String>> decls = new ArrayList<>();
      for (ArgDeclaration d : i.declarations()) {
        decls.add(new AbstractMap.SimpleEntry<>(d.name(), word(d.defaultValue(), i)));
        // declare one by one: a later default may refer to an earlier ARG of the same line
        exec.scope().arg(d.name(), decls.get(decls.size() - 1).getValue());
      }
      exec.arg(decls);
    };
  }

  @Override
  public Action visitCopy(Copy i) {
    return () -> {
      List<String> sources = fileSources(i.sources(), i.heredocs(), i);
      String dest = word(i.destination(), i);
      List<String> excludes = eachWord(i.excludes(), i);
      CopyRequest req = new CopyRequest(loc(i), false, sources, heredocs(i.heredocs(), i), dest, "/",
          word(i.chown(), i), word(i.chmod(), i), i.parents(), excludes, i.link(), null, null, false);
      String fromRef = word(i.from(), i);
      String createdBy = history("COPY", i.heredocs(), sources, dest);
      String display = display("COPY", fromRef, i.heredocs(), sources, dest);
      if (fromRef == null || fromRef.isEmpty()) {
        exec.copy(req, context, createdBy, display);
        return;
      }
      exec.copyFrom(req, from.resolve(fromRef, loc(i)), createdBy, display);
    };
  }

  /** The expanded COPY/ADD sources, leaving out the markers of the instruction's heredocs. */
  private List<String> fileSources(List<String> raw, List<Heredoc> docs, Instruction at) throws BuildException {
    List<String> out = new ArrayList<>();
    for (String s : raw) {
      if (!isHeredocMarker(s, docs)) {
        out.add(word(s, at));
      }
    }
    return out;
  }

  /** Each word expanded on its own (no splitting), e.g. repeated {@code --exclude} patterns. */
  private List<String> eachWord(List<String> raw, Instruction at) throws BuildException {
    List<String> out = new ArrayList<>();
    for (String w : raw) {
      out.add(word(w, at));
    }
    return out;
  }

  @Override
  public Action visitAdd(Add i) {
    return () -> {
      List<String> sources = fileSources(i.sources(), i.heredocs(), i);
      String dest = word(i.destination(), i);
      List<String> excludes = eachWord(i.excludes(), i);
      CopyRequest req = new CopyRequest(loc(i), true, sources, heredocs(i.heredocs(), i), dest, "/",
          word(i.chown(), i), word(i.chmod(), i), false, excludes, i.link(), word(i.checksum(), i), i.unpack(),
          i.keepGitDir());
      exec.copy(req, context, history("ADD", i.heredocs(), sources, dest),
          display("ADD", null, i.heredocs(), sources, dest));
    };
  }

  /** True for a source word that is the marker of one of the instruction's heredocs ({@code <<EOF}). */
  private static boolean isHeredocMarker(String source, List<Heredoc> docs) {
    if (docs.isEmpty() || !source.contains("<<")) {
      return false;
    }
    String name = source.replaceFirst("^\\d?<<-?", "").replaceAll("[\"']", "");
    return docs.stream().anyMatch(h -> h.name().equals(name));
  }

  private List<HeredocSource> heredocs(List<Heredoc> docs, Instruction at) throws BuildException {
    List<HeredocSource> out = new ArrayList<>();
    for (Heredoc h : docs) {
      String content = h.effectiveContent();
      if (h.expand()) {
        content = expandHeredoc(content, at);
      }
      out.add(new HeredocSource(h.name(), content));
    }
    return out;
  }

  private String expandHeredoc(String content, Instruction at) throws BuildException {
    try {
      return lexer.withOptions(lexer.options().withRawQuotes(true).withSkipProcessQuotes(true))
          .processWord(content, Environment.fromMap(exec.scope().vars()));
    } catch (ExpansionException e) {
      throw new BuildException(loc(at), e.getMessage(), e);
    }
  }

  private static String history(String keyword, List<Heredoc> docs, List<String> sources, String dest) {
    StringBuilder sb = new StringBuilder(keyword);
    for (String s : sources) {
      sb.append(' ').append(s);
    }
    for (Heredoc h : docs) {
      sb.append(" <<").append(h.name());
    }
    return sb.append(' ').append(dest).append(" # buildkit").toString();
  }

  private static String display(String keyword, String fromRef, List<Heredoc> docs, List<String> sources,
      String dest) {
    StringBuilder sb = new StringBuilder(keyword);
    if (fromRef != null && !fromRef.isEmpty()) {
      sb.append(" --from=").append(fromRef);
    }
    for (String s : sources) {
      sb.append(' ').append(s);
    }
    for (Heredoc h : docs) {
      sb.append(" <<").append(h.name());
    }
    return sb.append(' ').append(dest).toString();
  }

  @Override
  public Action visitRun(Run i) {
    return () -> {
      NetworkMode network = defaultNetwork;
      if (i.network() != null && !i.network().isEmpty() && !i.network().equals("default")) {
        network = switch (i.network()) {
          case "none" -> NetworkMode.NONE;
          case "host" -> NetworkMode.HOST;
          default -> throw new BuildException(loc(i), "unsupported network mode \"" + i.network() + "\"");
        };
      }
      RunCommands.Prepared prepared;
      try {
        prepared = RunCommands.prepare(exec.state().config().config(), i, exec.scratch());
      } catch (java.io.IOException e) {
        throw new BuildException(loc(i), "preparing run: " + e.getMessage(), e);
      }
      try (RunMounts.Resolved m = mounts.resolve(i, this::word, exec, from)) {
        List<io.jbuild.runtime.spec.MountRequest> all = new ArrayList<>(m.mounts());
        all.addAll(prepared.mounts());
        String display = "RUN " + (i.command().execForm() ? String.join(" ", i.command().arguments())
            : i.command().shellText());
        exec.run(new StageExecutor.RunSpec(prepared.argv(), all, m.keyFlags(), network, loc(i)), display);
      }
    };
  }
}
