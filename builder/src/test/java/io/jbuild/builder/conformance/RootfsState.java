package io.jbuild.builder.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the layers applied so far leave at each path (type, mode, owner), enough to tell a directory
 * entry that changes nothing but times; mirrors {@code apply_layer} and {@code drop_unchanged_dirs} of
 * {@code scripts/buildkit-golden}. Mutable, confined to one normalisation.
 */
final class RootfsState {
  private static final List<String> ROOT = List.of("d", "755", "0", "0");
  private final Map<String, List<String>> paths = new HashMap<>();

  /** Applies a layer listing as an unpacker would: whiteouts remove, a non-directory replaces a subtree. */
  void apply(List<String> lines) {
    for (String line : lines) {
      String[] f = line.split("\t");
      String path = f[0];
      int slash = path.lastIndexOf('/');
      String parent = slash < 0 ? "" : path.substring(0, slash);
      String base = path.substring(slash + 1);
      if (base.equals(".wh..wh..opq")) {
        String prefix = parent + "/";
        paths.keySet().removeIf(p -> p.startsWith(prefix));
      } else if (base.startsWith(".wh.")) {
        String gone = (parent.isEmpty() ? "" : parent + "/") + base.substring(4);
        paths.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
      } else {
        if (!f[1].equals("d")) {
          paths.keySet().removeIf(p -> p.startsWith(path + "/"));
        }
        paths.put(path, List.of(f[1], f[2], f[3], f[4]));
      }
    }
  }

  /** The lines without directory entries whose type, mode and owner equal what is already there. */
  List<String> dropUnchangedDirs(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      List<String> before = paths.get(f[0]);
      if (before == null && f[0].equals(".")) {
        before = ROOT;
      }
      if (f[1].equals("d") && List.of(f[1], f[2], f[3], f[4]).equals(before)) {
        continue;
      }
      out.add(line);
    }
    return out;
  }
}
