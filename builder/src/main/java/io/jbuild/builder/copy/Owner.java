package io.jbuild.builder.copy;

import io.jbuild.builder.context.ContextException;
import io.jbuild.builder.context.ScopedPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A numeric owner for copied entries, resolved from a {@code --chown} value.
 *
 * @param uid user id
 * @param gid group id
 */
public record Owner(long uid, long gid) {
  /** Root, the owner of context files copied without {@code --chown}. */
  public static final Owner ROOT = new Owner(0, 0);

  public Owner {
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("negative uid or gid");
    }
  }

  /**
   * Resolves {@code user[:group]} as Docker does: numeric ids are used as they are; names are
   * looked up in the destination root's {@code /etc/passwd} and {@code /etc/group} (symlinks
   * resolved inside that root). Without a group, a numeric user gets the same number as gid and a
   * user name gets its primary group from {@code /etc/passwd}, as BuildKit's file backend does.
   * Unlike older BuildKit (which silently falls back to 0), an unknown name is an error.
   *
   * @param spec the {@code --chown} value
   * @param rootfs the destination root file system, or {@code null} (scratch): names then fail
   * @throws IllegalArgumentException {@code unable to find user NAME: no matching entries in passwd file}
   */
  public static Owner resolve(String spec, Path rootfs) {
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("invalid chown \"\": empty user");
    }
    int colon = spec.indexOf(':');
    String user = colon < 0 ? spec : spec.substring(0, colon);
    String group = colon < 0 ? null : spec.substring(colon + 1);
    if (user.isEmpty() || (group != null && group.isEmpty())) {
      throw new IllegalArgumentException("invalid chown \"" + spec + "\"");
    }
    long uid;
    long primary;
    if (isNumber(user)) {
      uid = Long.parseLong(user);
      primary = uid;
    } else {
      String[] entry = lookup(rootfs, "etc/passwd", user, "user", "passwd");
      uid = Long.parseLong(entry[2]);
      primary = entry.length > 3 && isNumber(entry[3]) ? Long.parseLong(entry[3]) : uid;
    }
    long gid = group == null ? primary : isNumber(group) ? Long.parseLong(group)
        : Long.parseLong(lookup(rootfs, "etc/group", group, "group", "group")[2]);
    return new Owner(uid, gid);
  }

  private static boolean isNumber(String s) {
    return s.length() <= 10 && s.chars().allMatch(Character::isDigit) && Long.parseLong(s) <= 0xFFFFFFFFL;
  }

  private static String[] lookup(Path rootfs, String file, String name, String what, String kind) {
    String notFound = "unable to find " + what + " " + name + ": no matching entries in " + kind + " file";
    if (rootfs == null) {
      throw new IllegalArgumentException(notFound);
    }
    List<String> lines;
    try {
      Path p = ScopedPath.resolvePath(rootfs, file, true);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(notFound);
      }
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException | ContextException e) {
      throw new IllegalArgumentException("reading /" + file + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      String[] f = line.split(":", -1);
      if (f.length >= 3 && f[0].equals(name) && isNumber(f[2])) {
        return f;
      }
    }
    throw new IllegalArgumentException(notFound);
  }
}
