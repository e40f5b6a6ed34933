package io.jbuild.runtime.spec;

import io.jbuild.runtime.ContainerException;
import io.jbuild.runtime.fs.InRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a Dockerfile {@code USER} value ({@code name|uid[:group|gid]}) against a rootfs's
 * {@code /etc/passwd} and {@code /etc/group}, as Docker and BuildKit do ({@code GetExecUser}):
 *
 * <ul>
 *   <li>the user part matches a passwd entry by name or by uid; a numeric user without an entry
 *       is used as is with gid 0; a name without an entry is an error;
 *   <li>without a group part the gid comes from the passwd entry and the supplementary gids are
 *       those of every group listing the user's name as a member;
 *   <li>a group part matches a group by name or gid; a numeric group without an entry is used as
 *       is; an explicit group means no supplementary gids.
 * </ul>
 *
 * Missing files are treated as empty. Files are read inside the rootfs (symlinks cannot escape it).
 */
public final class UserResolver {
  private static final long MAX_ID = (1L << 31) - 1;
  private final Path rootfs;

  private UserResolver(Path rootfs) {
    this.rootfs = rootfs;
  }

  /** A resolver over the {@code /etc} files of {@code rootfs}. */
  public static UserResolver forRootfs(Path rootfs) {
    return new UserResolver(rootfs);
  }

  /**
   * Resolves {@code spec}; the empty string means root.
   *
   * @throws ContainerException if a name is unknown, an id is invalid or a file cannot be read
   */
  public ExecUser resolve(String spec) throws ContainerException {
    if (spec == null || spec.isEmpty()) {
      return ExecUser.ROOT;
    }
    int colon = spec.indexOf(':');
    String userArg = colon < 0 ? spec : spec.substring(0, colon);
    String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
    List<String[]> passwd = read("/etc/passwd", 7);
    Optional<String[]> entry = Optional.empty();
    for (String[] p : passwd) {
      if (p[0].equals(userArg) || p[2].equals(userArg)) {
        entry = Optional.of(p);
        break;
      }
    }
    long uid;
    long gid = 0;
    String name = null;
    if (entry.isPresent()) {
      uid = id(entry.get()[2], spec);
      gid = id(entry.get()[3], spec);
      name = entry.get()[0];
    } else if (isNumeric(userArg)) {
      uid = id(userArg, spec);
    } else {
      throw new ContainerException(
          "resolving user " + spec + ": unable to find user " + userArg + ": no matching entries in passwd file");
    }
    List<Long> sgids = new ArrayList<>();
    if (!groupArg.isEmpty() || name != null) {
      List<String[]> groups = read("/etc/group", 4);
      if (!groupArg.isEmpty()) {
        Optional<String[]> g = Optional.empty();
        for (String[] gr : groups) {
          if (gr[0].equals(groupArg) || gr[2].equals(groupArg)) {
            g = Optional.of(gr);
            break;
          }
        }
        if (g.isPresent()) {
          gid = id(g.get()[2], spec);
        } else if (isNumeric(groupArg)) {
          gid = id(groupArg, spec);
        } else {
          throw new ContainerException(
              "resolving user " + spec + ": unable to find group " + groupArg + ": no matching entries in group file");
        }
      } else {
        for (String[] gr : groups) {
          for (String member : gr[3].split(",")) {
            if (member.trim().equals(name)) {
              long g = id(gr[2], spec);
              if (!sgids.contains(g)) {
                sgids.add(g);
              }
              break;
            }
          }
        }
      }
    }
    return new ExecUser(uid, gid, sgids);
  }

  private static boolean isNumeric(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static long id(String s, String spec) throws ContainerException {
    try {
      long v = Long.parseLong(s.trim());
      if (v < 0 || v > MAX_ID) {
        throw new ContainerException("resolving user " + spec + ": id " + s + " out of range");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ContainerException("resolving user " + spec + ": invalid id " + s);
    }
  }

  /** Reads a colon-separated database, padding every line to {@code fields} fields. */
  private List<String[]> read(String path, int fields) throws ContainerException {
    List<String[]> out = new ArrayList<>();
    try {
      Path file = InRoot.resolve(rootfs, path);
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return out;
      }
      for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split(":", -1);
        String[] padded = new String[fields];
        for (int i = 0; i < fields; i++) {
          padded[i] = i < parts.length ? parts[i] : "";
        }
        out.add(padded);
      }
      return out;
    } catch (IOException e) {
      throw new ContainerException("reading " + path + " of " + rootfs, e);
    }
  }
}
