package io.jbuild.grammar.ignore;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path/filepath} functions for slash-separated (Unix) paths. */
final class GoPath {

  private GoPath() {}

  /**
   * {@code filepath.Clean}: one slash between elements, no {@code .} elements, {@code ..}
   * removed with the element before it (or dropped after the root), no trailing slash; "" is
   * {@code .}.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i <= n) {
      int slash = path.indexOf('/', i);
      int end = slash < 0 ? n : slash;
      String element = path.substring(i, end);
      i = end + 1;
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(element);
    }
    String body = String.join("/", out);
    if (rooted) {
      return "/" + body;
    }
    return body.isEmpty() ? "." : body;
  }

  /** {@code filepath.Dir}: everything before the last slash, cleaned. */
  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }

  /**
   * Whether {@code path} is relative and already clean (so its ancestors are exactly its
   * prefixes before each slash). {@code .} is not accepted.
   */
  static boolean isCleanRelative(String path) {
    if (path.isEmpty() || path.charAt(0) == '/' || path.charAt(path.length() - 1) == '/') {
      return false;
    }
    boolean leadingDotDots = true;
    int i = 0;
    int n = path.length();
    while (i < n) {
      int slash = path.indexOf('/', i);
      int end = slash < 0 ? n : slash;
      int len = end - i;
      if (len == 0) {
        return false;
      }
      if (len == 1 && path.charAt(i) == '.') {
        return false;
      }
      boolean dotDot = len == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.';
      if (dotDot && !leadingDotDots) {
        return false;
      }
      leadingDotDots &= dotDot;
      i = end + 1;
    }
    return true;
  }
}
