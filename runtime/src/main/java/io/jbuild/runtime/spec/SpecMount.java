package io.jbuild.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One {@code mounts} entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecMount(String destination, String type, String source, List<String> options) {
  public SpecMount {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
