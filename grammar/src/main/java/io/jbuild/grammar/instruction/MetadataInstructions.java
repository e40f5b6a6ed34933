package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.GoQuote;
import io.jbuild.grammar.syntax.GoText;
import io.jbuild.grammar.syntax.Heredoc;
import io.jbuild.grammar.syntax.LineError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** FROM, ONBUILD and the instructions that only set image metadata or build arguments. */
final class MetadataInstructions {
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Pattern ONBUILD_PREFIX = Pattern.compile("(?i)^[\\t\\n\\f\\r ]*ONBUILD[\\t\\n\\f\\r ]*");

  private MetadataInstructions() {}

  static From from(Request r) {
    List<String> args = r.args();
    String stage = null;
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      stage = args.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(stage).matches()) {
        throw new LineError("invalid name for build stage: " + GoQuote.quote(args.get(2))
            + ", name can't start with a number or contain symbols");
      }
    } else if (args.size() != 1) {
      throw new LineError("FROM requires either one or three arguments");
    }
    Flags f = r.flags().string("platform").parse();
    return new From(r.range(), args.get(0), stage, f.value("platform"));
  }

  static Env env(Request r) {
    r.flags().parse();
    return new Env(r.range(), pairs(r.args(), "ENV"));
  }

  static Label label(Request r) {
    r.flags().parse();
    return new Label(r.range(), pairs(r.args(), "LABEL"));
  }

  private static List<KeyValue> pairs(List<String> triples, String keyword) {
    if (triples.isEmpty()) {
      throw Errors.atLeastOne(keyword);
    }
    if (triples.size() % 3 != 0) {
      throw Errors.tooMany(keyword);
    }
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i < triples.size(); i += 3) {
      if (triples.get(i).isEmpty()) {
        throw Errors.blankNames(keyword);
      }
      out.add(new KeyValue(triples.get(i), triples.get(i + 1)));
    }
    return out;
  }

  static Arg arg(Request r) {
    if (r.args().isEmpty()) {
      throw Errors.atLeastOne("ARG");
    }
    List<ArgDeclaration> decls = new ArrayList<>();
    for (String a : r.args()) {
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      if (name.isEmpty()) {
        throw Errors.blankNames("ARG");
      }
      decls.add(new ArgDeclaration(name, eq < 0 ? null : a.substring(eq + 1)));
    }
    return new Arg(r.range(), decls);
  }

  static Expose expose(Request r) {
    if (r.args().isEmpty()) {
      throw Errors.atLeastOne("EXPOSE");
    }
    r.flags().parse();
    return new Expose(r.range(), r.args());
  }

  static Maintainer maintainer(Request r) {
    return new Maintainer(r.range(), single(r, "MAINTAINER", true));
  }

  static User user(Request r) {
    return new User(r.range(), single(r, "USER", true));
  }

  static Stopsignal stopsignal(Request r) {
    return new Stopsignal(r.range(), single(r, "STOPSIGNAL", false));
  }

  private static String single(Request r, String keyword, boolean checkFlags) {
    if (r.args().size() != 1) {
      throw Errors.exactlyOne(keyword);
    }
    if (checkFlags) {
      r.flags().parse();
    }
    return r.args().get(0);
  }

  /**
   * ONBUILD: refuses ONBUILD, FROM and MAINTAINER triggers; other triggers are parsed best-effort
   * (null when invalid) because BuildKit only checks them when the image is used as a base.
   */
  static Onbuild onbuild(Request r, Function<Request, Instruction> parseTrigger) {
    if (r.args().isEmpty() || r.node().child() == null) {
      throw Errors.atLeastOne("ONBUILD");
    }
    r.flags().parse();
    String trigger = GoText.trim(r.args().get(0)).toUpperCase(Locale.ROOT);
    switch (trigger) {
      case "ONBUILD" -> throw new LineError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      case "MAINTAINER", "FROM" -> throw new LineError(trigger + " isn't allowed as an ONBUILD trigger");
      default -> { }
    }
    StringBuilder expression = new StringBuilder(ONBUILD_PREFIX.matcher(r.original()).replaceFirst(""));
    for (Heredoc h : r.heredocs()) {
      expression.append('\n').append(h.content()).append(h.name());
    }
    Instruction parsed;
    try {
      parsed = parseTrigger.apply(r.child());
    } catch (LineError e) {
      parsed = null;
    }
    return new Onbuild(r.range(), expression.toString(), parsed);
  }
}
