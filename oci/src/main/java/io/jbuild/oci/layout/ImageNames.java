package io.jbuild.oci.layout;

/** The few image-name manipulations layouts need (full parsing lives with the registry client). */
final class ImageNames {
  private ImageNames() {}

  /** The tag of {@code repo[:tag][@digest]}, {@code latest} when there is none. */
  static String tagOf(String name) {
    if (name == null) {
      return null;
    }
    String base = stripDigest(name);
    int slash = base.lastIndexOf('/');
    int colon = base.lastIndexOf(':');
    return colon > slash ? base.substring(colon + 1) : "latest";
  }

  /**
   * Docker's short form for {@code RepoTags}: {@code docker.io/library/x:t} becomes {@code x:t},
   * {@code docker.io/u/x:t} becomes {@code u/x:t}; a missing tag becomes {@code :latest}. Null for
   * digest-only references, which {@code docker load} cannot tag.
   */
  static String familiar(String name) {
    if (name == null || (name.contains("@") && !hasTag(stripDigest(name)))) {
      return null;
    }
    String base = stripDigest(name);
    if (!hasTag(base)) {
      base = base + ":latest";
    }
    if (base.startsWith("docker.io/library/")) {
      base = base.substring("docker.io/library/".length());
    } else if (base.startsWith("docker.io/")) {
      base = base.substring("docker.io/".length());
    }
    return base;
  }

  /** The repository part of a familiar {@code repo:tag}. */
  static String repository(String familiar) {
    return familiar.substring(0, familiar.lastIndexOf(':'));
  }

  private static boolean hasTag(String base) {
    return base.lastIndexOf(':') > base.lastIndexOf('/');
  }

  private static String stripDigest(String name) {
    int at = name.indexOf('@');
    return at < 0 ? name : name.substring(0, at);
  }
}
