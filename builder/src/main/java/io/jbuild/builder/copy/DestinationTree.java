package io.jbuild.builder.copy;

import io.jbuild.builder.context.ContextException;
import io.jbuild.builder.context.FileKind;
import io.jbuild.builder.context.FileMeta;
import io.jbuild.builder.context.ScopedPath;
import io.jbuild.builder.context.SourceDigest;
import io.jbuild.oci.layer.EntryType;
import io.jbuild.oci.layer.LayerEntry;
import io.jbuild.oci.layer.LayerPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The destination as a COPY sees it while planning: the read-only root file system of the
 * parent (or nothing, for {@code scratch} and {@code --link}) overlaid with the entries planned
 * so far. Collects the layer's entries and their digest items.
 */
final class DestinationTree {
  /** What is at a path: nothing, a directory, or something else. */
  enum Kind { NONE, DIRECTORY, OTHER }

  private record Planned(LayerEntry entry, String contentSha256, boolean existing) {}

  private final Path rootfs;
  private final Owner createOwner;
  private final Instant now;
  private final Map<String, Planned> planned = new HashMap<>();

  /**
   * @param rootfs the destination root (read only), or {@code null}
   * @param createOwner owner of directories created as parents
   * @param now mtime of created directories
   */
  DestinationTree(Path rootfs, Owner createOwner, Instant now) {
    this.rootfs = rootfs;
    this.createOwner = createOwner;
    this.now = now;
  }

  /** Resolves an absolute destination path inside the root, following symlinks inside it. */
  String resolve(String path) throws ContextException {
    return rootfs == null ? ScopedPath.clean(path) : ScopedPath.resolve(rootfs, path, true);
  }

  /** Resolves the parent of {@code path} inside the root and appends the last component unresolved. */
  String resolveParent(String path) throws ContextException {
    String clean = ScopedPath.clean(path);
    if (clean.isEmpty()) {
      return "";
    }
    String parent = LayerPaths.parent(clean);
    String base = LayerPaths.baseName(clean);
    String rp = resolve(parent);
    return rp.isEmpty() ? base : rp + "/" + base;
  }

  Kind kind(String rel) {
    if (rel.isEmpty()) {
      return Kind.DIRECTORY;
    }
    Planned p = planned.get(rel);
    if (p != null) {
      return p.entry().type() == EntryType.DIRECTORY ? Kind.DIRECTORY : Kind.OTHER;
    }
    FileMeta m = lowerMeta(rel);
    if (m == null) {
      return Kind.NONE;
    }
    return m.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
  }

  private FileMeta lowerMeta(String rel) {
    if (rootfs == null) {
      return null;
    }
    try {
      return FileMeta.read(rootfs.resolve(rel));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Makes sure {@code rel} and its parents are directories: planned ones are kept, ones that
   * exist in the root are listed with their own metadata, missing ones are created with mode
   * 0755, the create owner and {@code now} (fsutil's {@code MkdirAll}).
   *
   * @throws IllegalStateException {@code cannot create directory "/x": not a directory} if a component is not a directory
   */
  void mkdirAll(String rel) {
    mkdirAll(rel, createOwner);
  }

  /** As {@link #mkdirAll(String)} with an explicit owner for created directories. */
  void mkdirAll(String rel, Owner owner) {
    if (rel.isEmpty()) {
      return;
    }
    String parent = LayerPaths.parent(rel);
    mkdirAll(parent, owner);
    Planned p = planned.get(rel);
    if (p != null) {
      if (p.entry().type() != EntryType.DIRECTORY) {
        throw new IllegalStateException("cannot create directory \"/" + rel + "\": not a directory");
      }
      return;
    }
    FileMeta m = lowerMeta(rel);
    if (m != null) {
      if (!m.isDirectory()) {
        throw new IllegalStateException("cannot create directory \"/" + rel + "\": not a directory");
      }
      touchExisting(rel, m);
      return;
    }
    put(new LayerEntry(rel, EntryType.DIRECTORY, 0755, owner.uid(), owner.gid(), "", "", now, 0, "", 0, 0, null,
        null), null);
  }

  /** Lists the existing parents of {@code rel} (they change when a child is added). */
  void touchParents(String rel) {
    String parent = LayerPaths.parent(rel);
    if (!parent.isEmpty() && !planned.containsKey(parent)) {
      mkdirAll(parent);
    }
  }

  private void touchExisting(String rel, FileMeta m) {
    planned.put(rel, new Planned(new LayerEntry(rel, EntryType.DIRECTORY, m.mode(), m.uid(), m.gid(), "", "",
        m.mtime(), 0, "", 0, 0, null, null), null, true));
  }

  /**
   * Plans an entry (replacing an earlier one at the same path). An existing directory of the
   * root that receives a new child gets {@code now} as mtime, as the kernel does when BuildKit
   * writes into it (verified against BuildKit 0.8 in dockerd 20.10).
   */
  void put(LayerEntry e, String contentSha256) {
    planned.put(e.path(), new Planned(e, contentSha256, false));
    String parent = LayerPaths.parent(e.path());
    Planned p = planned.get(parent);
    if (p != null && p.existing() && !p.entry().mtime().equals(now)) {
      planned.put(parent, new Planned(p.entry().withMtime(now), null, true));
    }
  }

  /** The entry planned at {@code rel}, or null. */
  LayerEntry planned(String rel) {
    Planned p = planned.get(rel);
    return p == null ? null : p.entry();
  }

  boolean isPlanned(String rel) {
    return planned.containsKey(rel);
  }

  /** The planned entries in layer order. */
  List<LayerEntry> entries() {
    List<LayerEntry> out = new ArrayList<>();
    for (Planned p : planned.values()) {
      out.add(p.entry());
    }
    out.sort((a, b) -> LayerPaths.ORDER.compare(a.path(), b.path()));
    return out;
  }

  /** The digest of the planned entries, without mtimes. */
  SourceDigest digest() {
    List<SourceDigest.Item> items = new ArrayList<>();
    for (Planned p : planned.values()) {
      LayerEntry e = p.entry();
      String link = e.linkTarget().isEmpty() ? null : e.linkTarget();
      String kind = e.type().isDevice() ? e.type() + ":" + e.devMajor() + "," + e.devMinor() : e.type().name();
      items.add(new SourceDigest.Item(e.path(), kind, e.mode(), e.uid(), e.gid(), link, p.contentSha256(),
          e.xattrs()));
    }
    return SourceDigest.of(items);
  }

  /**
   * Maps a source entry kind to a layer entry type, or {@code null} for kinds a copy skips: fifos and
   * sockets (BuildKit's copier silently skips them; verified against BuildKit 0.8).
   */
  static EntryType typeOf(FileKind k) {
    switch (k) {
      case DIRECTORY: return EntryType.DIRECTORY;
      case SYMLINK: return EntryType.SYMLINK;
      case CHAR_DEVICE: return EntryType.CHAR_DEVICE;
      case BLOCK_DEVICE: return EntryType.BLOCK_DEVICE;
      case FILE: return EntryType.FILE;
      default: return null;
    }
  }
}
