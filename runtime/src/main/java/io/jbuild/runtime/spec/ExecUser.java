package io.jbuild.runtime.spec;

import java.util.List;

/** A resolved numeric user: uid, primary gid and supplementary gids. */
public record ExecUser(long uid, long gid, List<Long> additionalGids) {
  /** root:root without supplementary groups. */
  public static final ExecUser ROOT = new ExecUser(0, 0, List.of());

  public ExecUser {
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("uid and gid must not be negative: " + uid + ":" + gid);
    }
    additionalGids = List.copyOf(additionalGids);
  }

  /** Returns {@code true} for uid 0, which gets Docker's default capabilities. */
  public boolean isRoot() {
    return uid == 0;
  }
}
