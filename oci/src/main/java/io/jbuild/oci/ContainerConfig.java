package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code config} object of an image config: the OCI fields (image-spec config.md "config") plus
 * Docker's {@code Healthcheck}, {@code OnBuild} and {@code Shell}, with Docker's capitalised names
 * and in the field order BuildKit writes. {@code ExposedPorts} and {@code Volumes} are JSON objects
 * whose values are {@code {}}; here they are sorted sets of keys. Every field is optional and omitted
 * from JSON when empty. Nulls become empty collections; transform with the {@code with...} methods.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerConfig(
    @JsonProperty("User") String user,
    @JsonProperty("ExposedPorts")
        @JsonSerialize(using = JsonCodecs.KeySetSerializer.class)
        @JsonDeserialize(using = JsonCodecs.KeySetDeserializer.class)
        Set<String> exposedPorts,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Volumes")
        @JsonSerialize(using = JsonCodecs.KeySetSerializer.class)
        @JsonDeserialize(using = JsonCodecs.KeySetDeserializer.class)
        Set<String> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("ArgsEscaped") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean argsEscaped,
    @JsonProperty("Healthcheck") HealthConfig healthcheck,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Shell") List<String> shell) {

  /** The empty config ({@code {}}), the config of {@code scratch}. */
  public static final ContainerConfig EMPTY =
      new ContainerConfig(null, null, null, null, null, null, null, null, null, false, null, null, null);

  public ContainerConfig {
    exposedPorts = sortedSet(exposedPorts);
    env = list(env);
    entrypoint = list(entrypoint);
    cmd = list(cmd);
    volumes = sortedSet(volumes);
    labels = sortedMap(labels);
    onBuild = list(onBuild);
    shell = list(shell);
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  private static SortedSet<String> sortedSet(Set<String> values) {
    return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
  }

  private static SortedMap<String, String> sortedMap(Map<String, String> values) {
    TreeMap<String, String> copy = new TreeMap<>();
    if (values != null) {
      values.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * The value of environment variable {@code name} in {@link #env()} ({@code NAME=value} entries; the
   * last one wins), or null when unset.
   */
  public String envValue(String name) {
    String prefix = name + "=";
    String found = null;
    for (String entry : env) {
      if (entry.startsWith(prefix)) {
        found = entry.substring(prefix.length());
      } else if (entry.equals(name)) {
        found = "";
      }
    }
    return found;
  }

  /** Sets {@code name=value}, replacing an existing entry for {@code name} in place or appending. */
  public ContainerConfig withEnvVar(String name, String value) {
    if (name == null || name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException("invalid environment variable name: " + name);
    }
    String entry = name + "=" + (value == null ? "" : value);
    List<String> next = new ArrayList<>();
    boolean replaced = false;
    for (String e : env) {
      if (e.startsWith(name + "=") || e.equals(name)) {
        if (!replaced) {
          next.add(entry);
          replaced = true;
        }
      } else {
        next.add(e);
      }
    }
    if (!replaced) {
      next.add(entry);
    }
    return withEnv(next);
  }

  /** Adds (or overwrites) one label. */
  public ContainerConfig withLabel(String key, String value) {
    TreeMap<String, String> next = new TreeMap<>(labels);
    next.put(key, value);
    return withLabels(next);
  }

  /** Adds one exposed port, e.g. {@code 80/tcp}. */
  public ContainerConfig withExposedPort(String port) {
    return withExposedPorts(plus(exposedPorts, port));
  }

  /** Adds one volume path. */
  public ContainerConfig withVolume(String path) {
    return withVolumes(plus(volumes, path));
  }

  private static Set<String> plus(Set<String> values, String value) {
    TreeSet<String> next = new TreeSet<>(values);
    next.add(value);
    return next;
  }

  /** Appends one ONBUILD trigger. */
  public ContainerConfig withOnBuildTrigger(String trigger) {
    List<String> next = new ArrayList<>(onBuild);
    next.add(trigger);
    return withOnBuild(next);
  }

  public ContainerConfig withUser(String v) {
    return new ContainerConfig(v, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withExposedPorts(Set<String> v) {
    return new ContainerConfig(user, v, env, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withEnv(List<String> v) {
    return new ContainerConfig(user, exposedPorts, v, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withEntrypoint(List<String> v) {
    return new ContainerConfig(user, exposedPorts, env, v, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withCmd(List<String> v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, v, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withVolumes(Set<String> v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, v, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withWorkingDir(String v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, v, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withLabels(Map<String, String> v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, v,
        stopSignal, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withStopSignal(String v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels,
        v, argsEscaped, healthcheck, onBuild, shell);
  }

  public ContainerConfig withArgsEscaped(boolean v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, v, healthcheck, onBuild, shell);
  }

  public ContainerConfig withHealthcheck(HealthConfig v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, v, onBuild, shell);
  }

  public ContainerConfig withOnBuild(List<String> v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, v, shell);
  }

  public ContainerConfig withShell(List<String> v) {
    return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels,
        stopSignal, argsEscaped, healthcheck, onBuild, v);
  }
}
