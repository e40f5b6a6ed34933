package io.jbuild.builder.plan;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.args.PlatformArgs;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.Stage;
import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.instruction.ArgDeclaration;
import io.jbuild.grammar.instruction.Copy;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.instruction.Mount;
import io.jbuild.grammar.instruction.Run;
import io.jbuild.grammar.shell.Environment;
import io.jbuild.grammar.shell.ExpansionException;
import io.jbuild.grammar.shell.ShellLexer;
import io.jbuild.oci.Platform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Dockerfile asks for before any stage runs, as BuildKit computes it: the global scope
 * ("meta args": the automatic platform args, then the ARGs before the first FROM, each overridden by
 * {@code --build-arg}), every stage's base name expanded in that scope, and the {@link StageGraph} of
 * stage references (FROM, {@code COPY --from}, {@code RUN --mount from=}).
 */
public final class BuildPlan {
  private final ShellLexer lexer;
  private final Map<String, String> metaArgs = new LinkedHashMap<>();
  private final List<String> baseNames = new ArrayList<>();
  private final StageGraph graph;

  private BuildPlan(Dockerfile df, BuildArgs buildArgs, Platform target, Platform build) throws BuildException {
    this.lexer = new ShellLexer(df.escapeChar());
    PlatformArgs.of(target, build).forEach((k, v) -> metaArgs.put(k, buildArgs.has(k) ? buildArgs.get(k) : v));
    for (Arg a : df.globalArgs()) {
      for (ArgDeclaration d : a.declarations()) {
        String v = d.defaultValue() == null ? null : expand(d.defaultValue(), a.range().toString());
        if (buildArgs.has(d.name())) {
          v = buildArgs.get(d.name());
        }
        metaArgs.put(d.name(), v);
      }
    }
    List<StageNode> nodes = new ArrayList<>();
    for (Stage s : df.stages()) {
      String base = expand(s.from().image(), s.from().range().toString());
      if (base.isEmpty()) {
        throw new BuildException(s.from().range().toString(), "base name (" + s.from().image()
            + ") should not be blank");
      }
      baseNames.add(base);
      List<String> refs = new ArrayList<>();
      refs.add(base);
      for (Instruction i : s.instructions()) {
        if (i instanceof Copy c && c.from() != null) {
          refs.add(expand(c.from(), c.range().toString()));
        } else if (i instanceof Run r) {
          for (Mount m : r.mounts()) {
            if (m.option("from") != null) {
              refs.add(expand(m.option("from"), r.range().toString()));
            }
          }
        }
      }
      nodes.add(new StageNode(s.index(), s.name(), refs));
    }
    this.graph = StageGraph.of(nodes);
  }

  /** Plans {@code df} for a target platform ({@code build} is the host's). */
  public static BuildPlan of(Dockerfile df, BuildArgs buildArgs, Platform target, Platform build)
      throws BuildException {
    return new BuildPlan(df, buildArgs, target, build);
  }

  /** Expands a word in the global scope (FROM lines, --platform); errors carry {@code location}. */
  public String expand(String word, String location) throws BuildException {
    Map<String, String> set = new LinkedHashMap<>();
    metaArgs.forEach((k, v) -> {
      if (v != null) {
        set.put(k, v);
      }
    });
    try {
      return lexer.processWord(word, Environment.fromMap(set));
    } catch (ExpansionException e) {
      throw new BuildException(location, e.getMessage(), e);
    }
  }

  /** The global scope: name to value (null when declared without a value). */
  public Map<String, String> metaArgs() {
    return Collections.unmodifiableMap(metaArgs);
  }

  /** Stage {@code index}'s base name, expanded. */
  public String baseName(int index) {
    return baseNames.get(index);
  }

  public StageGraph graph() {
    return graph;
  }

  /** The stage to build: {@code target} by name or index, else the last; an unknown name is an error. */
  public int targetIndex(String target) throws BuildException {
    if (target == null || target.isEmpty()) {
      return graph.size() - 1;
    }
    int t = graph.find(target);
    if (t < 0) {
      throw new BuildException("target stage \"" + target + "\" could not be found");
    }
    return t;
  }
}
