package io.jbuild.runtime.spec;

import java.util.List;

/** The {@code process.user} object: numeric uid, gid and supplementary gids. */
public record SpecUser(long uid, long gid, List<Long> additionalGids) {
  public SpecUser {
    additionalGids = additionalGids == null ? List.of() : List.copyOf(additionalGids);
  }
}
