package io.jbuild.grammar.instruction;

import io.jbuild.grammar.syntax.GoQuote;
import io.jbuild.grammar.syntax.LineError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The instructions that carry a command: RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK. */
final class CommandInstructions {
  private static final Set<String> NETWORKS = Set.of("default", "none", "host");
  private static final Set<String> SECURITY = Set.of("sandbox", "insecure");

  private CommandInstructions() {}

  static Command command(List<String> args, boolean json) {
    return json ? Command.exec(args) : new Command(false, args);
  }

  static Run run(Request r) {
    Flags f = r.flags().strings("mount").string("network").string("security").parse();
    List<Mount> mounts = new ArrayList<>();
    for (String m : f.values("mount")) {
      mounts.add(MountParser.parse(m));
    }
    String network = f.value("network");
    if (network != null && !network.isEmpty() && !NETWORKS.contains(network)) {
      throw new LineError("unsupported network mode " + GoQuote.quote(network));
    }
    String security = f.value("security");
    if (security != null && !security.isEmpty() && !SECURITY.contains(security)) {
      throw new LineError("unsupported security mode " + GoQuote.quote(security));
    }
    return new Run(r.range(), command(r.args(), r.json()), mounts, network, security, r.heredocs());
  }

  static Cmd cmd(Request r) {
    r.flags().parse();
    return new Cmd(r.range(), command(r.args(), r.json()));
  }

  static Entrypoint entrypoint(Request r) {
    r.flags().parse();
    return new Entrypoint(r.range(), command(r.args(), r.json()));
  }

  static Shell shell(Request r) {
    r.flags().parse();
    if (r.args().isEmpty()) {
      throw Errors.atLeastOne("SHELL");
    }
    if (!r.json()) {
      throw new LineError("SHELL requires the arguments to be in JSON form");
    }
    return new Shell(r.range(), Command.exec(r.args()));
  }

  static Healthcheck healthcheck(Request r) {
    if (r.args().isEmpty()) {
      throw Errors.atLeastOne("HEALTHCHECK");
    }
    String type = r.args().get(0).toUpperCase(Locale.ROOT);
    List<String> rest = r.args().subList(1, r.args().size());
    if (type.equals("NONE")) {
      if (!rest.isEmpty()) {
        throw new LineError("HEALTHCHECK NONE takes no arguments");
      }
      return new Healthcheck(r.range(), true, null, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }
    Flags f = r.flags().string("interval").string("timeout").string("start-period").string("start-interval")
        .string("retries").parse();
    if (!type.equals("CMD")) {
      throw new LineError("Unknown type " + GoQuote.quote(type) + " in HEALTHCHECK (try CMD)");
    }
    if (rest.isEmpty()) {
      throw new LineError("Missing command after HEALTHCHECK CMD");
    }
    Command test = command(rest, r.json());
    int retries = 0;
    String retriesText = f.value("retries");
    if (retriesText != null && !retriesText.isEmpty()) {
      long v = parseInt32(retriesText);
      if (v < 0) {
        throw new LineError("--retries cannot be negative (" + v + ")");
      }
      retries = (int) v;
    }
    return new Healthcheck(r.range(), false, test, interval(f, "interval"), interval(f, "timeout"),
        interval(f, "start-period"), interval(f, "start-interval"), retries);
  }

  private static Duration interval(Flags f, String name) {
    String v = f.value(name);
    if (v == null || v.isEmpty()) {
      return Duration.ZERO;
    }
    Duration d = GoDurations.parse(v);
    if (d.isZero()) {
      return Duration.ZERO;
    }
    if (d.compareTo(Duration.ofMillis(1)) < 0) {
      throw new LineError("Interval " + GoQuote.quote(name) + " cannot be less than 1ms");
    }
    return d;
  }

  /** Go {@code strconv.ParseInt(s, 10, 32)}. */
  private static long parseInt32(String s) {
    String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new LineError("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": invalid syntax");
    }
    try {
      long v = Long.parseLong(s.startsWith("+") ? digits : s);
      if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
        return v;
      }
    } catch (NumberFormatException e) {
      // out of range below
    }
    throw new LineError("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": value out of range");
  }
}
