package io.jbuild.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code linux} object: namespaces, device rules, masked/read-only paths and seccomp. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecLinux(
    List<SpecNamespace> namespaces,
    SpecResources resources,
    List<String> maskedPaths,
    List<String> readonlyPaths,
    SpecSeccomp seccomp) {
  public SpecLinux {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    maskedPaths = maskedPaths == null ? List.of() : List.copyOf(maskedPaths);
    readonlyPaths = readonlyPaths == null ? List.of() : List.copyOf(readonlyPaths);
  }

  /** One {@code linux.namespaces} entry; a null path asks for a new namespace. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SpecNamespace(String type, String path) {}

  /** {@code linux.resources}: only the device cgroup rules are used. */
  public record SpecResources(List<DeviceRule> devices) {
    public SpecResources {
      devices = devices == null ? List.of() : List.copyOf(devices);
    }
  }

  /** One device cgroup rule. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {}
}
