package io.jbuild.oci.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Cleaning and ordering of the relative, {@code /}-separated paths used inside layers. */
public final class LayerPaths {
  private LayerPaths() {}

  /**
   * Cleans a layer path: leading {@code /} and {@code ./}, repeated and trailing slashes and {@code .} components are
   * dropped. A {@code ..} component, a NUL character or an empty result is refused with an
   * {@link IllegalArgumentException} naming the path.
   */
  public static String clean(String path) {
    String cleaned = cleanOrEmpty(path);
    if (cleaned.isEmpty()) {
      throw new IllegalArgumentException("invalid layer path \"" + path + "\": names the root");
    }
    return cleaned;
  }

  /** Like {@link #clean} but returns {@code ""} for the root instead of refusing it. */
  public static String cleanOrEmpty(String path) {
    if (path == null) {
      throw new IllegalArgumentException("invalid layer path: null");
    }
    if (path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("invalid layer path \"" + path.replace("\0", "\\0") + "\": contains NUL");
    }
    StringBuilder out = new StringBuilder(path.length());
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IllegalArgumentException("invalid layer path \"" + path + "\": contains \"..\"");
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  /** The components of a cleaned path ({@code ""} has none). */
  static List<String> components(String cleaned) {
    List<String> parts = new ArrayList<>();
    if (!cleaned.isEmpty()) {
      for (String p : cleaned.split("/")) {
        parts.add(p);
      }
    }
    return parts;
  }

  /** The parent of a cleaned path, {@code ""} for a top-level name. */
  public static String parent(String cleaned) {
    int slash = cleaned.lastIndexOf('/');
    return slash < 0 ? "" : cleaned.substring(0, slash);
  }

  /** The last component of a cleaned path. */
  public static String baseName(String cleaned) {
    return cleaned.substring(cleaned.lastIndexOf('/') + 1);
  }

  /**
   * The order of entries in a layer: component by component, comparing the UTF-8 bytes of each name, so a
   * directory comes right before its contents (the order of a sorted directory walk, as containerd writes layers);
   * among siblings, the opaque marker {@code .wh..wh..opq} comes first so that it precedes the entries it keeps.
   */
  public static final Comparator<String> ORDER = LayerPaths::compare;

  private static int compare(String a, String b) {
    int ia = 0;
    int ib = 0;
    while (true) {
      if (ia >= a.length() || ib >= b.length()) {
        return Boolean.compare(ia < a.length(), ib < b.length());
      }
      int ea = a.indexOf('/', ia);
      int eb = b.indexOf('/', ib);
      ea = ea < 0 ? a.length() : ea;
      eb = eb < 0 ? b.length() : eb;
      int c = compareComponent(a, ia, ea, b, ib, eb);
      if (c != 0) {
        return c;
      }
      ia = ea + 1;
      ib = eb + 1;
    }
  }

  /** Components compare by their UTF-8 bytes, except that the opaque marker comes first. */
  private static int compareComponent(String a, int fa, int ta, String b, int fb, int tb) {
    if (ta - fa == tb - fb && a.regionMatches(fa, b, fb, ta - fa)) {
      return 0;
    }
    if (isOpaque(a, fa, ta)) {
      return -1;
    }
    if (isOpaque(b, fb, tb)) {
      return 1;
    }
    return Utf8Order.compare(a, fa, ta, b, fb, tb);
  }

  private static boolean isOpaque(String s, int from, int to) {
    return to - from == Whiteouts.OPAQUE.length() && s.startsWith(Whiteouts.OPAQUE, from);
  }
}
