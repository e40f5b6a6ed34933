package io.jbuild.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The top level of an OCI runtime-spec {@code config.json}.
 *
 * @see <a href="https://github.com/opencontainers/runtime-spec/blob/main/config.md">config.md</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeSpec(
    String ociVersion,
    SpecProcess process,
    SpecRoot root,
    String hostname,
    List<SpecMount> mounts,
    SpecLinux linux) {

  /** The runtime-spec version we generate. */
  public static final String OCI_VERSION = "1.0.2";

  public RuntimeSpec {
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
  }
}
