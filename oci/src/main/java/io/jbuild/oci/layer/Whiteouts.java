package io.jbuild.oci.layer;

/**
 * The whiteout naming conventions of the OCI image spec
 * (<a href="https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts">layer.md#whiteouts</a>).
 * A file {@code dir/.wh.name} deletes {@code dir/name} from lower layers; a file {@code dir/.wh..wh..opq} makes
 * {@code dir} opaque: the lower layers' children of {@code dir} are hidden, this layer's are kept.
 */
public final class Whiteouts {
  private Whiteouts() {}

  /** The prefix of a whiteout file name. */
  public static final String PREFIX = ".wh.";
  /** The name of the opaque-directory marker. */
  public static final String OPAQUE = ".wh..wh..opq";
  /** The prefix reserved for whiteout metadata ({@code .wh..wh.}); only {@link #OPAQUE} is defined. */
  public static final String META_PREFIX = ".wh..wh.";

  /** True if a base name is reserved by the whiteout convention (starts with {@code .wh.}). */
  public static boolean isReserved(String baseName) {
    return baseName.startsWith(PREFIX);
  }

  /** True if a base name is the opaque marker. */
  public static boolean isOpaque(String baseName) {
    return OPAQUE.equals(baseName);
  }

  /** True if a base name is a plain whiteout {@code .wh.name} (not the opaque marker nor other metadata). */
  public static boolean isWhiteout(String baseName) {
    return baseName.startsWith(PREFIX) && !baseName.startsWith(META_PREFIX);
  }

  /** The name a plain whiteout deletes: {@code .wh.name} gives {@code name}. */
  public static String deletedName(String whiteoutBaseName) {
    if (!isWhiteout(whiteoutBaseName)) {
      throw new IllegalArgumentException("not a whiteout name: " + whiteoutBaseName);
    }
    return whiteoutBaseName.substring(PREFIX.length());
  }

  /** The tar path of the whiteout deleting a cleaned path: {@code a/b} gives {@code a/.wh.b}. */
  public static String whiteoutPath(String path) {
    int slash = path.lastIndexOf('/');
    return path.substring(0, slash + 1) + PREFIX + path.substring(slash + 1);
  }

  /** The tar path of the opaque marker of a cleaned directory path ({@code ""} for the root). */
  public static String opaquePath(String dir) {
    return dir.isEmpty() ? OPAQUE : dir + "/" + OPAQUE;
  }
}
