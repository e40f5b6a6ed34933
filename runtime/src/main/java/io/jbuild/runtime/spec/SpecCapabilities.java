package io.jbuild.runtime.spec;

import java.util.List;

/** The {@code process.capabilities} sets, each a list of {@code CAP_*} names. */
public record SpecCapabilities(
    List<String> bounding,
    List<String> effective,
    List<String> inheritable,
    List<String> permitted,
    List<String> ambient) {
  public SpecCapabilities {
    bounding = bounding == null ? List.of() : List.copyOf(bounding);
    effective = effective == null ? List.of() : List.copyOf(effective);
    inheritable = inheritable == null ? List.of() : List.copyOf(inheritable);
    permitted = permitted == null ? List.of() : List.copyOf(permitted);
    ambient = ambient == null ? List.of() : List.copyOf(ambient);
  }
}
