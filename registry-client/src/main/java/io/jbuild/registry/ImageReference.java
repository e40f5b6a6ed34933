package io.jbuild.registry;

import io.jbuild.oci.Digest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference, normalised exactly as Docker's {@code distribution/reference}
 * {@code ParseNormalizedNamed} + {@code TagNameOnly} do: {@code docker.io} is the default domain,
 * one-part names on {@code docker.io} get {@code library/}, and {@code latest} is the tag when neither
 * tag nor digest is given. A reference may carry both a tag and a digest; the digest wins for fetching.
 *
 * @param domain the registry domain as the user names it ({@code docker.io}, {@code localhost:5000})
 * @param repository the repository path inside the registry ({@code library/busybox})
 * @param tag the tag, or {@code null} when only a digest was given
 * @param digest the digest, or {@code null}
 */
public record ImageReference(String domain, String repository, String tag, Digest digest) {
  /** Docker Hub's canonical domain. */
  public static final String DOCKER_HUB = "docker.io";
  /** The host Docker Hub's registry API actually answers on. */
  public static final String DOCKER_HUB_API = "registry-1.docker.io";
  static final int NAME_TOTAL_LENGTH_MAX = 255;

  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
  private static final String DOMAIN =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6 + ")(?::[0-9]+)?";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern TAG_PATTERN = Pattern.compile("^" + TAG + "$");
  private static final Pattern DOMAIN_PATTERN = Pattern.compile("^" + DOMAIN + "$");
  private static final Pattern PATH_PATTERN =
      Pattern.compile("^" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*$");
  private static final Pattern HEX64 = Pattern.compile("^[a-f0-9]{64}$");

  public ImageReference {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(repository, "repository");
    if (!DOMAIN_PATTERN.matcher(domain).matches()) {
      throw new IllegalArgumentException("invalid reference format: invalid domain (" + domain + ")");
    }
    if (!PATH_PATTERN.matcher(repository).matches()) {
      throw new IllegalArgumentException("invalid reference format: invalid repository (" + repository + ")");
    }
    if (tag != null && !TAG_PATTERN.matcher(tag).matches()) {
      throw new IllegalArgumentException("invalid tag format: " + tag);
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
  }

  /**
   * Parses a reference the way {@code docker pull} does.
   *
   * @throws IllegalArgumentException {@code invalid reference format: ...} naming the problem and the input
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("invalid reference format: repository name must have at least one component");
    }
    if (HEX64.matcher(text).matches()) {
      throw new IllegalArgumentException("invalid repository name (" + text
          + "), cannot specify 64-byte hexadecimal strings");
    }
    Matcher m = REFERENCE.matcher(text);
    if (!m.matches()) {
      // Reproduce distribution/reference's more specific diagnoses where it gives one.
      String nameOnly = stripTagAndDigest(text);
      if (!nameOnly.equals(nameOnly.toLowerCase(Locale.ROOT))) {
        String[] split = splitDomain(nameOnly);
        if (split[1].equals(split[1].toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("invalid reference format: (" + text + ")");
        }
        throw new IllegalArgumentException("invalid reference format: repository name ("
            + split[1] + ") must be lowercase");
      }
      throw new IllegalArgumentException("invalid reference format: (" + text + ")");
    }
    String name = m.group(1);
    if (name.length() > NAME_TOTAL_LENGTH_MAX) {
      throw new IllegalArgumentException("invalid reference format: repository name must not be more than "
          + NAME_TOTAL_LENGTH_MAX + " characters (" + text + ")");
    }
    String[] split = splitDomain(name);
    Digest digest = null;
    if (m.group(3) != null) {
      try {
        digest = Digest.parse(m.group(3));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid reference format: unsupported digest (" + m.group(3) + ")");
      }
    }
    return new ImageReference(split[0], split[1], m.group(2), digest);
  }

  /** Splits like Docker's {@code splitDockerDomain}: {@code [domain, path]} with docker.io normalisation. */
  private static String[] splitDomain(String name) {
    String domain;
    String rest;
    int slash = name.indexOf('/');
    if (slash == -1) {
      domain = DOCKER_HUB;
      rest = name;
    } else {
      String first = name.substring(0, slash);
      boolean looksLikeHost = first.contains(".") || first.contains(":") || first.equals("localhost")
          || !first.toLowerCase(Locale.ROOT).equals(first);
      if (looksLikeHost) {
        domain = first;
        rest = name.substring(slash + 1);
      } else {
        domain = DOCKER_HUB;
        rest = name;
      }
    }
    if (domain.equals("index.docker.io")) {
      domain = DOCKER_HUB;
    }
    if (domain.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    return new String[] {domain, rest};
  }

  private static String stripTagAndDigest(String text) {
    String s = text;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      s = s.substring(0, colon);
    }
    return s;
  }

  /** The host[:port] the registry API answers on: {@code registry-1.docker.io} for Docker Hub. */
  public String registry() {
    return DOCKER_HUB.equals(domain) ? DOCKER_HUB_API : domain;
  }

  /** The digest if present, else the tag: what goes into {@code /v2/<name>/manifests/<reference>}. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /**
   * The short name Docker shows: {@code busybox}, {@code user/app}, {@code localhost:5000/app}. Unlike
   * Docker, a Docker Hub repository whose first component looks like a host ({@code docker.io/a.b/c})
   * keeps its domain, so that the familiar name parses back to the same reference.
   */
  public String familiarName() {
    String first = repository.substring(0, Math.max(0, repository.indexOf('/')));
    boolean ambiguous = first.contains(".") || first.equals("localhost");
    if (DOCKER_HUB.equals(domain) && !ambiguous) {
      return repository.startsWith("library/") && repository.indexOf('/', 8) < 0
          ? repository.substring(8) : repository;
    }
    return domain + "/" + repository;
  }

  /** The familiar name with tag and digest as given: {@code busybox:latest}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  /** This reference with another tag (and no digest). */
  public ImageReference withTag(String newTag) {
    return new ImageReference(domain, repository, Objects.requireNonNull(newTag, "tag"), null);
  }

  /** This reference pinned to a digest (the tag is kept for display). */
  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(domain, repository, tag, Objects.requireNonNull(newDigest, "digest"));
  }

  /** Another repository on the same registry. */
  public ImageReference withRepository(String newRepository) {
    return new ImageReference(domain, newRepository, tag, digest);
  }

  private String suffix() {
    return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  /** The fully qualified form: {@code docker.io/library/busybox:latest}. */
  @Override
  public String toString() {
    return domain + "/" + repository + suffix();
  }
}
