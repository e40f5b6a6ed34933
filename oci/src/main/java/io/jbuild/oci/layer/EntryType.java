package io.jbuild.oci.layer;

/**
 * The kind of a {@link LayerEntry}. The first seven map to tar type flags; the two whiteout kinds are written as
 * empty regular files named with the {@link Whiteouts} prefixes.
 */
public enum EntryType {
  FILE('0'),
  DIRECTORY('5'),
  SYMLINK('2'),
  HARDLINK('1'),
  CHAR_DEVICE('3'),
  BLOCK_DEVICE('4'),
  FIFO('6'),
  /** Deletes the entry's path from lower layers: written as {@code dir/.wh.name}. */
  WHITEOUT('0'),
  /** Hides the lower layers' contents of the entry's directory: written as {@code dir/.wh..wh..opq}. */
  OPAQUE_WHITEOUT('0');

  private final char tarFlag;

  EntryType(char tarFlag) {
    this.tarFlag = tarFlag;
  }

  /** The tar type flag this kind is written with. */
  public char tarFlag() {
    return tarFlag;
  }

  /** True for the two whiteout kinds. */
  public boolean isWhiteout() {
    return this == WHITEOUT || this == OPAQUE_WHITEOUT;
  }

  /** True for character and block devices. */
  public boolean isDevice() {
    return this == CHAR_DEVICE || this == BLOCK_DEVICE;
  }
}
