package io.jbuild.builder.args;

import io.jbuild.oci.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BuildKit's automatic platform args: {@code TARGETPLATFORM TARGETOS TARGETARCH TARGETVARIANT
 * BUILDPLATFORM BUILDOS BUILDARCH BUILDVARIANT}. They are visible in the global scope (FROM lines)
 * without declaration and inside a stage only after {@code ARG NAME}.
 */
public final class PlatformArgs {
  private PlatformArgs() {}

  /** The automatic args for a target and a build platform, in BuildKit's order. */
  public static Map<String, String> of(Platform target, Platform build) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "TARGET", target);
    put(m, "BUILD", build);
    return m;
  }

  private static void put(Map<String, String> m, String prefix, Platform p) {
    m.put(prefix + "PLATFORM", p.format());
    m.put(prefix + "OS", p.os());
    m.put(prefix + "ARCH", p.architecture());
    m.put(prefix + "VARIANT", p.variant() == null ? "" : p.variant());
  }
}
