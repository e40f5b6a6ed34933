package io.jbuild.oci.layout;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.NonClosingOutputStream;
import io.jbuild.oci.store.BlobSource;
import io.jbuild.oci.store.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a layout as a reproducible tar: entries in lexicographic order of their names, mtime 0,
 * owner 0:0 without names, modes 0644 (files) and 0755 (directories), PAX headers for long names and
 * sizes. Blob content is copied from the source and verified on the way.
 */
final class LayoutTar {
  private LayoutTar() {}

  static void write(OutputStream out, BlobSource source, SortedMap<Digest, Descriptor> blobs,
      Map<String, byte[]> files) throws IOException {
    SortedMap<String, Object> entries = new TreeMap<>();
    entries.put("blobs/", null);
    for (Descriptor blob : blobs.values()) {
      entries.put("blobs/" + blob.digest().algorithm() + "/", null);
      entries.put("blobs/" + blob.digest().algorithm() + "/" + blob.digest().hex(), blob);
    }
    entries.putAll(files);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosingOutputStream(out), StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      if (e.getValue() == null) {
        tar.putArchiveEntry(entry(e.getKey(), 0, 040755));
        tar.closeArchiveEntry();
      } else if (e.getValue() instanceof byte[] bytes) {
        tar.putArchiveEntry(entry(e.getKey(), bytes.length, 0100644));
        tar.write(bytes);
        tar.closeArchiveEntry();
      } else {
        Descriptor blob = (Descriptor) e.getValue();
        tar.putArchiveEntry(entry(e.getKey(), blob.size(), 0100644));
        try (InputStream in = VerifyingInputStream.of(source.open(blob.digest()), blob.digest(), blob.size())) {
          in.transferTo(tar);
        }
        tar.closeArchiveEntry();
      }
    }
    tar.finish();
    tar.close();
  }

  private static TarArchiveEntry entry(String name, long size, int mode) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setMode(mode);
    entry.setSize(size);
    entry.setModTime(0L);
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("");
    entry.setGroupName("");
    return entry;
  }
}
