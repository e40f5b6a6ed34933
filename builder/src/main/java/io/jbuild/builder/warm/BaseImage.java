package io.jbuild.builder.warm;

import io.jbuild.oci.Platform;
import java.util.Objects;

/**
 * An image a build will start from: the reference after ARG expansion and the platform to pull it for
 * ({@code FROM --platform=...}, else the build's).
 */
public record BaseImage(String ref, Platform platform) {
  public BaseImage {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(platform, "platform");
  }
}
