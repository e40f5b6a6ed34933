package io.jbuild.builder.exec;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.layer.Compression;
import io.jbuild.oci.layer.LayerBlob;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.oci.layer.LayerWriter;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.oci.store.BlobWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a step's layer entries into the blob store in one pass (tar, compression, both digests) and
 * returns the layer descriptor and diff id. With a {@code SOURCE_DATE_EPOCH} every mtime is clamped
 * to it, so identical inputs give identical blobs.
 */
public final class LayerMaker {
  private final BlobStore blobs;
  private final LayerWriter writer;

  public LayerMaker(BlobStore blobs, Compression compression, Instant sourceDateEpoch) {
    this.blobs = blobs;
    LayerWriter.Options o = LayerWriter.Options.defaults().withCompression(compression);
    if (sourceDateEpoch != null) {
      o = o.withSourceDateEpoch(sourceDateEpoch);
    }
    this.writer = LayerWriter.create(o);
  }

  /** A written layer: its blob descriptor and the digest of its uncompressed tar. */
  public record Layer(Descriptor blob, Digest diffId) {}

  public Layer write(List<LayerEntry> entries) throws IOException {
    try (BlobWriter out = blobs.writer()) {
      LayerBlob blob = writer.write(entries, out);
      Descriptor d = out.commit(blob.mediaType());
      return new Layer(d, blob.diffId());
    }
  }
}
