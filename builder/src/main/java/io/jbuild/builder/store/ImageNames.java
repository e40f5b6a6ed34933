package io.jbuild.builder.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Docker's normalisation of image names for the local name index: a name without tag or digest
 * means {@code :latest}; a first component without {@code .} or {@code :} (and not
 * {@code localhost}) is on {@code docker.io}; one-part docker.io names get {@code library/}.
 * {@code familiar} reverses the docker.io parts for display.
 */
public final class ImageNames {
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  private ImageNames() {}

  /** The fully qualified form, e.g. {@code busybox} -&gt; {@code docker.io/library/busybox:latest}. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("invalid reference format: empty name");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw new IllegalArgumentException("invalid reference format: " + text);
      }
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw new IllegalArgumentException("invalid reference format: " + text);
      }
    }
    String domain;
    String path;
    int first = rest.indexOf('/');
    String head = first < 0 ? "" : rest.substring(0, first);
    if (first >= 0 && (head.contains(".") || head.contains(":") || head.equals("localhost")
        || !head.toLowerCase(Locale.ROOT).equals(head))) {
      domain = head;
      path = rest.substring(first + 1);
    } else {
      domain = "docker.io";
      path = rest;
    }
    if (domain.equals("index.docker.io")) {
      domain = "docker.io";
    }
    if (domain.equals("docker.io") && !path.contains("/")) {
      path = "library/" + path;
    }
    if (!NAME.matcher(path).matches()) {
      throw new IllegalArgumentException("invalid reference format: " + text
          + (path.toLowerCase(Locale.ROOT).equals(path) ? "" : " (repository name must be lowercase)"));
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return domain + "/" + path + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  /** The short form Docker shows: {@code docker.io/library/x:1} -&gt; {@code x:1}. */
  public static String familiar(String normalized) {
    String s = normalized;
    if (s.startsWith("docker.io/")) {
      s = s.substring("docker.io/".length());
      if (s.startsWith("library/") && s.indexOf('/', "library/".length()) < 0) {
        s = s.substring("library/".length());
      }
    }
    return s;
  }
}
