package io.jbuild.builder.remotecache;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.jbuild.builder.state.ImageState;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.MediaTypes;
import io.jbuild.oci.NonClosingOutputStream;
import io.jbuild.oci.layer.Compression;
import io.jbuild.oci.layer.LayerReader;
import io.jbuild.oci.layer.LayerWriter;
import io.jbuild.oci.layer.ParallelGzipOutputStream;
import io.jbuild.oci.store.BlobStore;
import io.jbuild.oci.store.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compression=gzip|zstd} of a cache export: layers compressed otherwise are decompressed and
 * compressed again (streaming, into the blob store; the diff ids do not change) and the exported states
 * point at the new blobs. Layers already compressed as asked are kept.
 */
final class Recompressor {
  private Recompressor() {}

  static List<RecordedStep> recompress(List<RecordedStep> steps, String compression, BlobStore blobs)
      throws IOException {
    Compression target = Compression.parse(compression);
    Map<Digest, Descriptor> done = new HashMap<>();
    List<RecordedStep> out = new ArrayList<>();
    for (RecordedStep s : steps) {
      List<Descriptor> layers = new ArrayList<>();
      for (Descriptor l : s.state().layers()) {
        if (matches(l.mediaType(), target)) {
          layers.add(l);
          continue;
        }
        Descriptor converted = done.get(l.digest());
        if (converted == null) {
          converted = convert(l, target, blobs);
          done.put(l.digest(), converted);
        }
        layers.add(converted);
      }
      out.add(new RecordedStep(s.stage(), s.key(), new ImageState(s.state().config(), layers)));
    }
    return out;
  }

  private static boolean matches(String mediaType, Compression target) {
    return target == Compression.GZIP ? MediaTypes.isGzipLayer(mediaType) : MediaTypes.isZstdLayer(mediaType);
  }

  private static Descriptor convert(Descriptor layer, Compression target, BlobStore blobs) throws IOException {
    try (InputStream in = LayerReader.decompress(blobs.open(layer.digest())); BlobWriter w = blobs.writer()) {
      OutputStream c = target == Compression.GZIP
          ? new ParallelGzipOutputStream(new NonClosingOutputStream(w), LayerWriter.DEFAULT_GZIP_LEVEL,
              Runtime.getRuntime().availableProcessors())
          : zstd(w);
      in.transferTo(c);
      c.close();
      return w.commit(target.mediaType());
    } catch (IOException e) {
      throw new IOException("recompressing layer " + layer.digest() + " as " + target.name().toLowerCase(
          java.util.Locale.ROOT) + ": " + e.getMessage(), e);
    }
  }

  private static OutputStream zstd(OutputStream w) throws IOException {
    ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(new NonClosingOutputStream(w),
        LayerWriter.DEFAULT_ZSTD_LEVEL);
    z.setChecksum(true);
    return z;
  }
}
