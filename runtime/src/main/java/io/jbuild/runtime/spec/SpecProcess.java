package io.jbuild.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code process} object of a runtime spec: what runs, as whom, with which privileges. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecProcess(
    boolean terminal,
    SpecUser user,
    List<String> args,
    List<String> env,
    String cwd,
    SpecCapabilities capabilities,
    List<SpecRlimit> rlimits,
    boolean noNewPrivileges) {

  public SpecProcess {
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? List.of() : List.copyOf(env);
    rlimits = rlimits == null ? List.of() : List.copyOf(rlimits);
  }
}
