package io.jbuild.builder.args;

import io.jbuild.builder.BuildException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code --build-arg} values of a build, as Docker reads them: {@code K=V} sets K to V (V may be
 * empty), a bare {@code K} takes the value of K from the caller's environment (and is dropped when
 * unset). Keys must be non-empty and contain no {@code =} or whitespace. Immutable.
 */
public record BuildArgs(Map<String, String> values) {
  private static final Pattern KEY = Pattern.compile("[^\\s=]+");

  /** The proxy args BuildKit predefines: usable without an ARG line, never written to history. */
  public static final List<String> PROXY_ARGS = List.of(
      "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
      "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

  public BuildArgs {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static BuildArgs empty() {
    return new BuildArgs(Map.of());
  }

  /** Parses {@code --build-arg} options; a malformed one is an error naming it. */
  public static BuildArgs parse(List<String> specs, Map<String, String> environment) throws BuildException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String key = eq < 0 ? spec : spec.substring(0, eq);
      if (!KEY.matcher(key).matches()) {
        throw new BuildException("invalid --build-arg \"" + spec + "\": expected KEY=VALUE or KEY");
      }
      if (eq >= 0) {
        out.put(key, spec.substring(eq + 1));
      } else if (environment.containsKey(key)) {
        out.put(key, environment.get(key));
      }
    }
    return new BuildArgs(out);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String get(String key) {
    return values.get(key);
  }
}
