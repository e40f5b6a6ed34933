package io.jbuild.builder.output;

import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.store.BlobStore;
import java.util.List;

/**
 * What an exporter writes: the built image's manifest descriptor and state, the normalised names it
 * was given ({@code -t}), and the blob store holding its blobs.
 */
public record ExportSubject(Descriptor manifest, ImageState state, List<String> names, BlobStore blobs) {
  public ExportSubject {
    names = List.copyOf(names);
  }
}
