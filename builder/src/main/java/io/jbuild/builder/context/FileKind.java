package io.jbuild.builder.context;

/** The type of a file system entry, as tar and the OCI layer format know them. */
public enum FileKind {
  FILE, DIRECTORY, SYMLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO, SOCKET;

  /** The kind for the {@code S_IFMT} bits of a Unix {@code st_mode}. */
  static FileKind ofUnixMode(int mode) {
    switch (mode & 0170000) {
      case 0040000: return DIRECTORY;
      case 0120000: return SYMLINK;
      case 0020000: return CHAR_DEVICE;
      case 0060000: return BLOCK_DEVICE;
      case 0010000: return FIFO;
      case 0140000: return SOCKET;
      default: return FILE;
    }
  }
}
