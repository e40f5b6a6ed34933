package io.jbuild.builder.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code lstat} says about one entry (symlinks are never followed).
 *
 * @param kind the entry type
 * @param mode permission bits including setuid, setgid and sticky ({@code 07777})
 * @param uid owner id on disk
 * @param gid group id on disk
 * @param size size in bytes (0 for anything but files)
 * @param mtime modification time, nanosecond precision where the file system has it
 * @param ctime status change time
 * @param inode inode number
 * @param device device of the file system holding the entry
 * @param rdev device number for device nodes
 * @param nlink link count
 * @param linkTarget the symlink target as stored, or {@code null}
 */
public record FileMeta(FileKind kind, int mode, int uid, int gid, long size, Instant mtime, Instant ctime,
    long inode, long device, long rdev, int nlink, String linkTarget) {

  /**
   * Reads an entry's metadata without following a final symlink.
   *
   * @throws IOException if the entry does not exist or cannot be read
   */
  public static FileMeta read(Path path) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,lastModifiedTime,ctime,ino,dev,rdev,nlink",
        LinkOption.NOFOLLOW_LINKS);
    int rawMode = (Integer) a.get("mode");
    FileKind kind = FileKind.ofUnixMode(rawMode);
    String target = kind == FileKind.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
    return new FileMeta(kind, rawMode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"),
        kind == FileKind.FILE ? (Long) a.get("size") : 0L,
        ((FileTime) a.get("lastModifiedTime")).toInstant(), ((FileTime) a.get("ctime")).toInstant(),
        (Long) a.get("ino"), (Long) a.get("dev"), (Long) a.get("rdev"), (Integer) a.get("nlink"), target);
  }

  /** Whether this is a directory. */
  public boolean isDirectory() {
    return kind == FileKind.DIRECTORY;
  }

  /** The mtime in nanoseconds since the epoch. */
  public long mtimeNs() {
    return nanos(mtime);
  }

  /** The ctime in nanoseconds since the epoch. */
  public long ctimeNs() {
    return nanos(ctime);
  }

  /**
   * Whether the entry was last written more than a second before {@code recordedNs} (git's "racy"
   * rule): only then do unchanged stats prove unchanged content, as a write in the same second as
   * the recording could leave them as they were. The stat cache and the COPY key memo both trust
   * metadata only under this rule.
   */
  public boolean settledBefore(long recordedNs) {
    return mtimeNs() < recordedNs - 1_000_000_000L && ctimeNs() < recordedNs - 1_000_000_000L;
  }

  /** Nanoseconds since the epoch. */
  public static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
