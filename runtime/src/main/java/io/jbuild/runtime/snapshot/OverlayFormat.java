package io.jbuild.runtime.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;

/**
 * The on-disk format of lower and upper directories, overlayfs's "userxattr" flavour. Whoever
 * extracts a layer into a lower directory (the builder) must write tar whiteouts with these
 * methods: {@code .wh.<name>} becomes {@link #createWhiteout} of {@code <name>}, {@code
 * .wh..wh..opq} becomes {@link #markOpaque} of its directory.
 */
public final class OverlayFormat {
  /** The xattr (in the {@code user.} namespace) that marks an opaque directory. */
  public static final String OPAQUE_XATTR = "user.overlay.opaque";

  private OverlayFormat() {}

  /** Creates a whiteout (character device 0/0) at {@code path}, replacing nothing. */
  public static void createWhiteout(Path path) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder("mknod", path.toString(), "c", "0", "0").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new IOException("creating whiteout " + path + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("creating whiteout " + path + ": interrupted");
    }
  }

  /** Marks the directory {@code dir} opaque. */
  public static void markOpaque(Path dir) throws IOException {
    UserDefinedFileAttributeView v =
        Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    v.write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.US_ASCII)));
  }

  /** Returns {@code true} if {@code path} is a whiteout (character device 0/0). */
  public static boolean isWhiteout(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Map<String, Object> a = Files.readAttributes(path, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    return ((Integer) a.get("mode") & 0170000) == 0020000 && (Long) a.get("rdev") == 0;
  }

  /** Returns {@code true} if {@code dir} is a directory marked opaque. */
  public static boolean isOpaque(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    UserDefinedFileAttributeView v =
        Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    try {
      if (!List.copyOf(v.list()).contains("overlay.opaque")) {
        return false;
      }
      ByteBuffer b = ByteBuffer.allocate(v.size("overlay.opaque"));
      v.read("overlay.opaque", b);
      return new String(b.array(), StandardCharsets.US_ASCII).equals("y");
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }
}
