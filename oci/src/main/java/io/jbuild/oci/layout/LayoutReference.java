package io.jbuild.oci.layout;

import io.jbuild.oci.Digest;
import java.nio.file.Path;

/**
 * BuildKit's reference to a local OCI layout: {@code oci-layout://PATH[:TAG][@DIGEST]}. The tag is
 * the text after the last {@code :} that follows the last {@code /} of the path; tag and digest may be
 * null ({@link OciLayoutReader#resolve} then picks {@code latest} or the only image).
 */
public record LayoutReference(Path path, String tag, Digest digest) {
  public static final String SCHEME = "oci-layout://";

  public LayoutReference {
    if (path == null) {
      throw new IllegalArgumentException("oci layout reference without a path");
    }
    tag = tag == null || tag.isEmpty() ? null : tag;
  }

  /** True when {@code text} uses the {@code oci-layout://} scheme. */
  public static boolean isLayoutReference(String text) {
    return text != null && text.startsWith(SCHEME);
  }

  /** Parses {@code oci-layout://PATH[:TAG][@DIGEST]}; throws {@link IllegalArgumentException} naming the input. */
  public static LayoutReference parse(String text) {
    if (!isLayoutReference(text)) {
      throw new IllegalArgumentException("invalid oci layout reference: " + text + " (expected oci-layout://PATH[:TAG])");
    }
    String rest = text.substring(SCHEME.length());
    Digest digest = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      try {
        digest = Digest.parse(rest.substring(at + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid oci layout reference: " + text + ": " + e.getMessage(), e);
      }
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        throw new IllegalArgumentException("invalid oci layout reference: " + text + ": invalid tag " + tag);
      }
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("invalid oci layout reference: " + text + ": empty path");
    }
    return new LayoutReference(Path.of(rest), tag, digest);
  }

  /** What to pass to {@link OciLayoutReader#resolve}: the digest if any, else the tag (maybe null). */
  public String selector() {
    return digest != null ? digest.toString() : tag;
  }
}
