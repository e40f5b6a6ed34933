package io.jbuild.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code linux.seccomp} object.
 *
 * @see <a href="https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md#seccomp">seccomp</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecSeccomp(
    String defaultAction, Integer defaultErrnoRet, List<String> architectures, List<Rule> syscalls) {
  public SpecSeccomp {
    architectures = architectures == null ? List.of() : List.copyOf(architectures);
    syscalls = syscalls == null ? List.of() : List.copyOf(syscalls);
  }

  /** One syscall rule: the names it covers, its action and optional argument conditions. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Rule(List<String> names, String action, Integer errnoRet, List<Arg> args) {
    public Rule {
      names = names == null ? List.of() : List.copyOf(names);
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /** A condition on one syscall argument. */
  public record Arg(int index, long value, long valueTwo, String op) {}
}
