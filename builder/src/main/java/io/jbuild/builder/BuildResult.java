package io.jbuild.builder;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import java.util.List;

/**
 * The outcome of a build: the image manifest descriptor (its digest is the image digest), the config
 * digest (Docker's image id), the normalised names given to it, and the steps run vs cached.
 */
public record BuildResult(Descriptor manifest, Digest configDigest, List<String> names, int stepsRun,
    int stepsCached) {

  public BuildResult {
    names = List.copyOf(names);
  }
}
