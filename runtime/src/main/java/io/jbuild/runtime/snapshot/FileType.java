package io.jbuild.runtime.snapshot;

/** The type of a file, from the {@code S_IFMT} bits of its mode. */
public enum FileType {
  REGULAR,
  DIRECTORY,
  SYMLINK,
  CHAR_DEVICE,
  BLOCK_DEVICE,
  FIFO,
  SOCKET;

  /** The type of a {@code st_mode} value. */
  public static FileType fromMode(int mode) {
    switch (mode & 0170000) {
      case 0100000:
        return REGULAR;
      case 0040000:
        return DIRECTORY;
      case 0120000:
        return SYMLINK;
      case 0020000:
        return CHAR_DEVICE;
      case 0060000:
        return BLOCK_DEVICE;
      case 0010000:
        return FIFO;
      case 0140000:
        return SOCKET;
      default:
        throw new IllegalArgumentException("unknown file type in mode " + Integer.toOctalString(mode));
    }
  }
}
