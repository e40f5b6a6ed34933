package io.jbuild.registry;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Picks the manifest for a platform from an index, with containerd's rules: {@code os} and
 * {@code architecture} must be equal; for {@code arm} the wanted variant (default {@code v7}) or an
 * older one is accepted, newest first ({@code v7} runs {@code v6} and {@code v5} images); for
 * {@code arm64} a missing variant equals {@code v8}; otherwise a missing wanted variant accepts any.
 * Entries without platform, and attestation manifests ({@code unknown/unknown}), never match.
 */
public final class PlatformMatcher {
  private PlatformMatcher() {}

  /** The best entry of {@code manifests} for {@code wanted}. */
  public static Optional<Descriptor> best(List<Descriptor> manifests, Platform wanted) {
    Descriptor best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Descriptor d : manifests) {
      int rank = rank(d.platform(), wanted);
      if (rank < bestRank) {
        best = d;
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best);
  }

  /** 0 = exact, higher = worse, {@link Integer#MAX_VALUE} = no match. */
  static int rank(Platform have, Platform wanted) {
    if (have == null || have.os() == null || have.architecture() == null) {
      return Integer.MAX_VALUE;
    }
    if (!have.os().equals(wanted.os()) || !have.architecture().equals(wanted.architecture())) {
      return Integer.MAX_VALUE;
    }
    String hv = normaliseVariant(have.architecture(), have.variant());
    String wv = normaliseVariant(wanted.architecture(), wanted.variant());
    if (wv == null) {
      return hv == null ? 0 : 1;
    }
    if (wv.equals(hv)) {
      return 0;
    }
    if (hv == null) {
      return 5;
    }
    if (wanted.architecture().equals("arm") && hv.matches("v[5-8]") && wv.matches("v[5-8]")) {
      int w = wv.charAt(1) - '0';
      int h = hv.charAt(1) - '0';
      return h < w ? 1 + (w - h) : Integer.MAX_VALUE;
    }
    return Integer.MAX_VALUE;
  }

  private static String normaliseVariant(String arch, String variant) {
    if (variant == null || variant.isEmpty()) {
      return arch.equals("arm") ? "v7" : arch.equals("arm64") ? "v8" : null;
    }
    return variant;
  }
}
