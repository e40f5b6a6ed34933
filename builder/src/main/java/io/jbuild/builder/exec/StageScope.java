package io.jbuild.builder.exec;

import io.jbuild.builder.args.BuildArgs;
import io.jbuild.oci.ContainerConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one stage as BuildKit scopes them. {@link #vars()} is what word expansion and RUN
 * see: the image's ENV plus the stage's declared ARGs that have a value; ENV always wins over an ARG
 * of the same name. {@link #declaredArgs()} keeps the stage's ARG declarations in order (for the
 * {@code RUN |N K=V ...} history prefix). An ARG takes, in order: the {@code --build-arg} value, its
 * own default, or (when it has no default) the value of the global ARG or automatic platform arg of
 * the same name. Used by one thread (the stage's builder).
 */
public final class StageScope {
  private final Map<String, String> metaArgs;
  private final BuildArgs buildArgs;
  private final LinkedHashMap<String, String> vars = new LinkedHashMap<>();
  private final LinkedHashMap<String, String> declared = new LinkedHashMap<>();
  private final java.util.Set<String> fromEnv = new java.util.HashSet<>();

  /** A scope over the base image's ENV, the global args (name to value; null value = unset). */
  public StageScope(ContainerConfig base, Map<String, String> metaArgs, BuildArgs buildArgs) {
    this.metaArgs = metaArgs;
    this.buildArgs = buildArgs;
    for (String e : base.env()) {
      int eq = e.indexOf('=');
      String k = eq < 0 ? e : e.substring(0, eq);
      vars.put(k, eq < 0 ? "" : e.substring(eq + 1));
      fromEnv.add(k);
    }
  }

  /** The variables expansion and RUN see, in definition order. */
  public Map<String, String> vars() {
    return Collections.unmodifiableMap(vars);
  }

  /** Records {@code ENV k=v}. */
  public void env(String key, String value) {
    vars.remove(key);
    vars.put(key, value);
    fromEnv.add(key);
  }

  /**
   * Declares {@code ARG key[=default]} (default already expanded, null when absent) and returns the
   * value it takes (null when unset).
   */
  public String arg(String key, String dflt) {
    String value;
    if (buildArgs.has(key)) {
      value = buildArgs.get(key);
    } else if (dflt != null) {
      value = dflt;
    } else {
      value = metaArgs.get(key);
    }
    declared.remove(key);
    declared.put(key, value);
    if (value != null && !fromEnv.contains(key)) {
      vars.remove(key);
      vars.put(key, value);
    }
    return value;
  }

  /** The stage's ARG declarations in order (value null when unset). */
  public Map<String, String> declaredArgs() {
    return Collections.unmodifiableMap(declared);
  }

  /** The build args the stage consumed: declared ARGs whose value came from {@code --build-arg}. */
  public List<String> declaredNames() {
    return new ArrayList<>(declared.keySet());
  }

  /**
   * The history prefix BuildKit puts before a RUN's argv: {@code |2 A=1 B=2 } (empty when no ARG was
   * declared). Each value is the variable's current value when visible, else the ARG's.
   */
  public String runHistoryPrefix() {
    if (declared.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("|").append(declared.size());
    declared.forEach((k, v) -> {
      String shown = vars.containsKey(k) ? vars.get(k) : (v == null ? "" : v);
      sb.append(' ').append(k).append('=').append(shown);
    });
    return sb.append(' ').toString();
  }

  /**
   * The environment of a RUN: {@link #vars()} plus the predefined proxy args given as
   * {@code --build-arg}, in both upper- and lower-case spelling as BuildKit sets them (never recorded
   * in the image).
   */
  public List<String> runEnv() {
    LinkedHashMap<String, String> env = new LinkedHashMap<>(vars);
    for (String kind : List.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY")) {
      String lower = kind.toLowerCase(java.util.Locale.ROOT);
      String value = buildArgs.has(kind) ? buildArgs.get(kind) : buildArgs.get(lower);
      if (value != null) {
        // like BuildKit's proxy env: both spellings, unless the stage defines them itself
        env.putIfAbsent(kind, value);
        env.putIfAbsent(lower, value);
      }
    }
    List<String> out = new ArrayList<>();
    env.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
