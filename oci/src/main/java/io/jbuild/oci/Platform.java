package io.jbuild.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;

/**
 * A platform as in the OCI image index ({@code os}, {@code architecture}, optional {@code variant},
 * {@code os.version}, {@code os.features}). {@link #parse} reads BuildKit's {@code os/arch[/variant]}.
 * JSON fields are written in the image-spec's order (architecture, os, os.version, os.features, variant).
 */
@JsonPropertyOrder({"architecture", "os", "os.version", "os.features", "variant"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("variant") String variant,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures) {

  public Platform {
    osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
  }

  public static Platform of(String os, String architecture, String variant) {
    return new Platform(architecture, os, variant, null, null);
  }

  /** Parses {@code os/arch[/variant]}, normalising architecture aliases as containerd does. */
  public static Platform parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("invalid platform: " + text + " (expected os/arch[/variant])");
    }
    String arch = parts[1];
    String variant = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
    switch (arch) {
      case "x86_64", "x86-64", "amd64" -> arch = "amd64";
      case "aarch64", "arm64" -> {
        arch = "arm64";
        if ("v8".equals(variant)) {
          variant = null;
        }
      }
      case "armhf" -> {
        arch = "arm";
        variant = "v7";
      }
      case "armel" -> {
        arch = "arm";
        variant = "v6";
      }
      case "i386", "386" -> arch = "386";
      default -> { }
    }
    return of(parts[0], arch, variant);
  }

  /** The platform of the running JVM. */
  public static Platform host() {
    return parse("linux/" + System.getProperty("os.arch"));
  }

  /** {@code os/arch[/variant]}. */
  @JsonIgnore
  public String format() {
    return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
  }

  /**
   * True when an image for {@code candidate} can serve a request for this platform: same os and
   * architecture, and the same variant when this platform names one (containerd's defaults apply:
   * {@code arm64} means {@code v8}, {@code arm} means {@code v7}).
   */
  public boolean matches(Platform candidate) {
    if (candidate == null || !os.equalsIgnoreCase(candidate.os())
        || !architecture.equalsIgnoreCase(candidate.architecture())) {
      return false;
    }
    String wanted = defaultVariant(architecture, variant);
    return wanted == null || wanted.equalsIgnoreCase(defaultVariant(candidate.architecture(), candidate.variant()));
  }

  private static String defaultVariant(String arch, String variant) {
    if (variant != null && !variant.isEmpty()) {
      return variant;
    }
    return switch (arch) {
      case "arm64" -> "v8";
      case "arm" -> "v7";
      default -> null;
    };
  }
}
