package io.jbuild.oci.layer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of a layer. Build entries with the static factories ({@link #file}, {@link #directory},
 * {@link #symlink}, {@link #hardlink}, {@link #device}, {@link #fifo}, {@link #whiteout}, {@link #opaque}) and
 * adjust them with the {@code with...} methods; every value is checked by the canonical constructor.
 *
 * @param path cleaned relative path (see {@link LayerPaths#clean}); for {@link EntryType#WHITEOUT} the path that
 *     is deleted, for {@link EntryType#OPAQUE_WHITEOUT} the directory made opaque ({@code ""} for the root)
 * @param type the kind of entry
 * @param mode permission bits including setuid (04000), setgid (02000) and sticky (01000); at most 07777
 * @param uid numeric owner
 * @param gid numeric group
 * @param uname owner name written to the tar header ({@code ""} if none)
 * @param gname group name written to the tar header ({@code ""} if none)
 * @param mtime modification time
 * @param size content size of a {@link EntryType#FILE}, 0 for every other type
 * @param linkTarget symlink target (kept verbatim), or the cleaned path a hardlink points to; {@code ""} otherwise
 * @param devMajor device major number (devices only)
 * @param devMinor device minor number (devices only)
 * @param xattrs extended attributes by full name ({@code user.x}, {@code security.capability}); sorted, copied
 * @param content where a file's bytes come from; {@link ContentSource#empty()} for non-files
 */
public record LayerEntry(
    String path,
    EntryType type,
    int mode,
    long uid,
    long gid,
    String uname,
    String gname,
    Instant mtime,
    long size,
    String linkTarget,
    long devMajor,
    long devMinor,
    Map<String, byte[]> xattrs,
    ContentSource content) {

  public LayerEntry {
    Objects.requireNonNull(type, "type");
    path = type == EntryType.OPAQUE_WHITEOUT ? LayerPaths.cleanOrEmpty(path) : LayerPaths.clean(path);
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException("entry \"" + path + "\": invalid mode " + Integer.toOctalString(mode));
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("entry \"" + path + "\": negative uid or gid");
    }
    uname = uname == null ? "" : uname;
    gname = gname == null ? "" : gname;
    mtime = mtime == null ? Instant.EPOCH : mtime;
    linkTarget = linkTarget == null ? "" : linkTarget;
    content = content == null ? ContentSource.empty() : content;
    if (size < 0 || (type != EntryType.FILE && size != 0)) {
      throw new IllegalArgumentException("entry \"" + path + "\": invalid size " + size + " for " + type);
    }
    switch (type) {
      case SYMLINK -> {
        if (linkTarget.isEmpty() || linkTarget.indexOf('\0') >= 0) {
          throw new IllegalArgumentException("entry \"" + path + "\": invalid symlink target");
        }
      }
      case HARDLINK -> linkTarget = LayerPaths.clean(linkTarget);
      default -> {
        if (!linkTarget.isEmpty()) {
          throw new IllegalArgumentException("entry \"" + path + "\": link target on a " + type);
        }
      }
    }
    if (!type.isDevice() && (devMajor != 0 || devMinor != 0)) {
      throw new IllegalArgumentException("entry \"" + path + "\": device numbers on a " + type);
    }
    if (devMajor < 0 || devMinor < 0) {
      throw new IllegalArgumentException("entry \"" + path + "\": negative device number");
    }
    TreeMap<String, byte[]> copy = new TreeMap<>();
    if (xattrs != null) {
      for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
        String name = e.getKey();
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('=') >= 0) {
          throw new IllegalArgumentException("entry \"" + path + "\": invalid xattr name \"" + name + "\"");
        }
        copy.put(name, e.getValue().clone());
      }
    }
    xattrs = Collections.unmodifiableMap(copy);
  }

  /** A regular file of {@code size} bytes read from {@code content}, mode 0644, owned by root. */
  public static LayerEntry file(String path, long size, ContentSource content) {
    return new LayerEntry(path, EntryType.FILE, 0644, 0, 0, "", "", Instant.EPOCH, size, "", 0, 0, null, content);
  }

  /** A small regular file holding {@code bytes}. */
  public static LayerEntry file(String path, byte[] bytes) {
    return file(path, bytes.length, ContentSource.of(bytes));
  }

  /** A directory, mode 0755. */
  public static LayerEntry directory(String path) {
    return new LayerEntry(path, EntryType.DIRECTORY, 0755, 0, 0, "", "", Instant.EPOCH, 0, "", 0, 0, null, null);
  }

  /** A symbolic link, mode 0777; the target is kept verbatim. */
  public static LayerEntry symlink(String path, String target) {
    return new LayerEntry(path, EntryType.SYMLINK, 0777, 0, 0, "", "", Instant.EPOCH, 0, target, 0, 0, null, null);
  }

  /** A hard link to another path of the layer (the writer makes the first path in layer order the real file). */
  public static LayerEntry hardlink(String path, String target) {
    return new LayerEntry(path, EntryType.HARDLINK, 0644, 0, 0, "", "", Instant.EPOCH, 0, target, 0, 0, null, null);
  }

  /** A character ({@code block == false}) or block device, mode 0666. */
  public static LayerEntry device(String path, boolean block, long major, long minor) {
    return new LayerEntry(path, block ? EntryType.BLOCK_DEVICE : EntryType.CHAR_DEVICE, 0666, 0, 0, "", "",
        Instant.EPOCH, 0, "", major, minor, null, null);
  }

  /** A named pipe, mode 0644. */
  public static LayerEntry fifo(String path) {
    return new LayerEntry(path, EntryType.FIFO, 0644, 0, 0, "", "", Instant.EPOCH, 0, "", 0, 0, null, null);
  }

  /** Deletes {@code path} of the lower layers (written as {@code .wh.<name>}, mode 0, time 0, as containerd). */
  public static LayerEntry whiteout(String path) {
    return new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, "", "", Instant.EPOCH, 0, "", 0, 0, null, null);
  }

  /** Hides the lower layers' contents of {@code dir} (written as {@code dir/.wh..wh..opq}). */
  public static LayerEntry opaque(String dir) {
    return new LayerEntry(dir, EntryType.OPAQUE_WHITEOUT, 0, 0, 0, "", "", Instant.EPOCH, 0, "", 0, 0, null,
        null);
  }

  /** The same entry with another mode. */
  public LayerEntry withMode(int newMode) {
    return new LayerEntry(path, type, newMode, uid, gid, uname, gname, mtime, size, linkTarget, devMajor, devMinor,
        xattrs, content);
  }

  /** The same entry with another numeric owner. */
  public LayerEntry withOwner(long newUid, long newGid) {
    return new LayerEntry(path, type, mode, newUid, newGid, uname, gname, mtime, size, linkTarget, devMajor,
        devMinor, xattrs, content);
  }

  /** The same entry with owner names for the tar header. */
  public LayerEntry withNames(String newUname, String newGname) {
    return new LayerEntry(path, type, mode, uid, gid, newUname, newGname, mtime, size, linkTarget, devMajor,
        devMinor, xattrs, content);
  }

  /** The same entry with another modification time. */
  public LayerEntry withMtime(Instant newMtime) {
    return new LayerEntry(path, type, mode, uid, gid, uname, gname, newMtime, size, linkTarget, devMajor, devMinor,
        xattrs, content);
  }

  /** The same entry with other extended attributes. */
  public LayerEntry withXattrs(Map<String, byte[]> newXattrs) {
    return new LayerEntry(path, type, mode, uid, gid, uname, gname, mtime, size, linkTarget, devMajor, devMinor,
        newXattrs, content);
  }

  /** The same entry at another path. */
  public LayerEntry withPath(String newPath) {
    return new LayerEntry(newPath, type, mode, uid, gid, uname, gname, mtime, size, linkTarget, devMajor, devMinor,
        xattrs, content);
  }

  /** The same entry with another type, size, link target and content (used to swap hardlink roles). */
  LayerEntry withKind(EntryType newType, long newSize, String newLinkTarget, ContentSource newContent) {
    return new LayerEntry(path, newType, mode, uid, gid, uname, gname, mtime, newSize, newLinkTarget, devMajor,
        devMinor, xattrs, newContent);
  }

  /** The name this entry has in the tar stream (whiteouts get their {@code .wh.} names; no trailing slash). */
  public String tarPath() {
    return switch (type) {
      case WHITEOUT -> Whiteouts.whiteoutPath(path);
      case OPAQUE_WHITEOUT -> Whiteouts.opaquePath(path);
      default -> path;
    };
  }

  /** Compares every field but {@link #content}, xattr values by content. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LayerEntry e)) {
      return false;
    }
    if (!(path.equals(e.path) && type == e.type && mode == e.mode && uid == e.uid && gid == e.gid
        && uname.equals(e.uname) && gname.equals(e.gname) && mtime.equals(e.mtime) && size == e.size
        && linkTarget.equals(e.linkTarget) && devMajor == e.devMajor && devMinor == e.devMinor
        && xattrs.keySet().equals(e.xattrs.keySet()))) {
      return false;
    }
    for (Map.Entry<String, byte[]> x : xattrs.entrySet()) {
      if (!Arrays.equals(x.getValue(), e.xattrs.get(x.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, type, mode, uid, gid, mtime, size, linkTarget);
  }

  @Override
  public String toString() {
    return type + " " + path + " mode=" + Integer.toOctalString(mode) + " " + uid + ":" + gid + " size=" + size
        + (linkTarget.isEmpty() ? "" : " -> " + linkTarget) + " mtime=" + mtime
        + (xattrs.isEmpty() ? "" : " xattrs=" + xattrs.keySet());
  }
}
