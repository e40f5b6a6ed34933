package io.jbuild.builder.exec;

import io.jbuild.oci.layer.ContentSource;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.runtime.snapshot.DiffEntry;
import io.jbuild.runtime.snapshot.Xattr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a snapshot diff (the upper directory of a RUN step) into layer entries: deletions become
 * whiteouts, opaque directories an opaque marker plus the directory itself, everything else an entry
 * with the file's attributes and its bytes read lazily from the upper directory. Sockets cannot be
 * stored in a tar and are skipped, as Docker skips them.
 */
public final class DiffLayers {
  private DiffLayers() {}

  public static List<LayerEntry> toEntries(List<DiffEntry> diff) {
    List<LayerEntry> out = new ArrayList<>();
    for (DiffEntry d : diff) {
      switch (d.kind()) {
        case DELETED -> out.add(LayerEntry.whiteout(d.path()));
        case OPAQUE_DIR -> {
          out.add(LayerEntry.opaque(d.path()));
          if (d.type() != null) {
            LayerEntry e = entry(d);
            if (e != null) {
              out.add(e);
            }
          }
        }
        default -> {
          LayerEntry e = entry(d);
          if (e != null) {
            out.add(e);
          }
        }
      }
    }
    return out;
  }

  private static LayerEntry entry(DiffEntry d) {
    Instant mtime = d.mtime() == null ? Instant.EPOCH : d.mtime().toInstant();
    Map<String, byte[]> xattrs = new TreeMap<>();
    for (Xattr x : d.xattrs()) {
      xattrs.put(x.name(), x.value());
    }
    int mode = d.mode() & 07777;
    if (d.hardlinkTo() != null && !d.hardlinkTo().isEmpty()) {
      return new LayerEntry(d.path(), EntryType.HARDLINK, mode, d.uid(), d.gid(), "", "", mtime, 0,
          d.hardlinkTo(), 0, 0, xattrs, null);
    }
    return switch (d.type()) {
      case REGULAR -> new LayerEntry(d.path(), EntryType.FILE, mode, d.uid(), d.gid(), "", "", mtime, d.size(), "",
          0, 0, xattrs, ContentSource.of(d.source()));
      case DIRECTORY -> new LayerEntry(d.path(), EntryType.DIRECTORY, mode, d.uid(), d.gid(), "", "", mtime, 0, "",
          0, 0, xattrs, null);
      case SYMLINK -> new LayerEntry(d.path(), EntryType.SYMLINK, mode, d.uid(), d.gid(), "", "", mtime, 0,
          d.linkTarget(), 0, 0, xattrs, null);
      case CHAR_DEVICE -> new LayerEntry(d.path(), EntryType.CHAR_DEVICE, mode, d.uid(), d.gid(), "", "", mtime, 0,
          "", d.devMajor(), d.devMinor(), xattrs, null);
      case BLOCK_DEVICE -> new LayerEntry(d.path(), EntryType.BLOCK_DEVICE, mode, d.uid(), d.gid(), "", "", mtime,
          0, "", d.devMajor(), d.devMinor(), xattrs, null);
      case FIFO -> new LayerEntry(d.path(), EntryType.FIFO, mode, d.uid(), d.gid(), "", "", mtime, 0, "", 0, 0,
          xattrs, null);
      case SOCKET -> null;
    };
  }
}
