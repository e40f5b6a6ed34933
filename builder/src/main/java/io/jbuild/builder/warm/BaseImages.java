package io.jbuild.builder.warm;

import io.jbuild.builder.BuildException;
import io.jbuild.builder.args.BuildArgs;
import io.jbuild.builder.args.PlatformArgs;
import io.jbuild.grammar.Dockerfile;
import io.jbuild.grammar.Stage;
import io.jbuild.grammar.instruction.Arg;
import io.jbuild.grammar.instruction.ArgDeclaration;
import io.jbuild.grammar.instruction.Copy;
import io.jbuild.grammar.instruction.Instruction;
import io.jbuild.grammar.shell.Environment;
import io.jbuild.grammar.shell.ExpansionException;
import io.jbuild.grammar.shell.ShellLexer;
import io.jbuild.oci.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The images a Dockerfile's build starts from, as BuildKit finds them: every stage's {@code FROM}
 * (and {@code COPY --from=IMAGE}) expanded with the global ARGs (defaults expanded in order, overridden
 * by build args) and the automatic platform args; {@code scratch} and names of earlier stages are
 * skipped, as are stage indexes. Each image once, in Dockerfile order.
 */
public final class BaseImages {
  private BaseImages() {}

  /** The base images of {@code df} built for {@code platform} with {@code args}. */
  public static List<BaseImage> of(Dockerfile df, BuildArgs args, Platform platform) throws BuildException {
    ShellLexer lexer = new ShellLexer(df.escapeChar());
    Map<String, String> meta = new LinkedHashMap<>();
    PlatformArgs.of(platform, Platform.host()).forEach((k, v) -> meta.put(k, args.has(k) ? args.get(k) : v));
    for (Arg a : df.globalArgs()) {
      for (ArgDeclaration d : a.declarations()) {
        String v = d.defaultValue() == null ? null : expand(lexer, d.defaultValue(), meta, a.range().toString());
        if (args.has(d.name())) {
          v = args.get(d.name());
        }
        meta.put(d.name(), v);
      }
    }
    Set<String> stageNames = new LinkedHashSet<>();
    Set<BaseImage> out = new LinkedHashSet<>();
    for (Stage s : df.stages()) {
      String where = s.from().range().toString();
      String ref = expand(lexer, s.from().image(), meta, where);
      if (ref.isEmpty()) {
        throw new BuildException(where, "base name (" + s.from().image() + ") should not be blank");
      }
      Platform p = platform;
      if (s.from().platform() != null && !s.from().platform().isEmpty()) {
        String text = expand(lexer, s.from().platform(), meta, where);
        try {
          p = Platform.parse(text);
        } catch (IllegalArgumentException e) {
          throw new BuildException(where, e.getMessage(), e);
        }
      }
      if (isImage(ref, stageNames)) {
        out.add(new BaseImage(ref, p));
      }
      for (Instruction i : s.instructions()) {
        if (i instanceof Copy c && c.from() != null) {
          String from = expand(lexer, c.from(), meta, c.range().toString());
          if (isImage(from, stageNames) && !from.matches("\\d+")) {
            out.add(new BaseImage(from, platform));
          }
        }
      }
      if (s.name() != null) {
        stageNames.add(s.name().toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean isImage(String ref, Set<String> stageNames) {
    return !ref.equalsIgnoreCase("scratch") && !stageNames.contains(ref.toLowerCase(Locale.ROOT));
  }

  private static String expand(ShellLexer lexer, String word, Map<String, String> meta, String where)
      throws BuildException {
    Map<String, String> set = new LinkedHashMap<>();
    meta.forEach((k, v) -> {
      if (v != null) {
        set.put(k, v);
      }
    });
    try {
      return lexer.processWord(word, Environment.fromMap(set));
    } catch (ExpansionException e) {
      throw new BuildException(where, e.getMessage(), e);
    }
  }
}
