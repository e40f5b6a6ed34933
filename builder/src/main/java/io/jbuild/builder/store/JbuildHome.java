package io.jbuild.builder.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * The root of jbuild's on-disk state ({@code $JBUILD_HOME}; default {@code $XDG_DATA_HOME/jbuild},
 * else {@code ~/.local/share/jbuild}) and the layout below it:
 * <pre>
 *   blobs/sha256/&lt;hex&gt;     content-addressed blobs (the oci BlobStore)
 *   index.json               name index: normalised reference -&gt; manifest descriptor
 *   layers/&lt;diffid hex&gt;/    extracted layers (overlay lower dirs, COPY --from trees)
 *   cache/&lt;key hex&gt;         step cache entries
 *   statcache/               stat cache of build contexts
 *   tmp/                     scratch space (same filesystem, for atomic renames)
 * </pre>
 */
public record JbuildHome(Path root) {

  public JbuildHome {
    root = root.toAbsolutePath().normalize();
  }

  /** Resolves the home from an environment map (JBUILD_HOME, XDG_DATA_HOME, HOME). */
  public static JbuildHome fromEnvironment(Map<String, String> env) {
    String home = env.get("JBUILD_HOME");
    if (home != null && !home.isBlank()) {
      return new JbuildHome(Path.of(home));
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return new JbuildHome(Path.of(xdg, "jbuild"));
    }
    String user = env.getOrDefault("HOME", System.getProperty("user.home"));
    return new JbuildHome(Path.of(user, ".local", "share", "jbuild"));
  }

  /** The home of this process's environment. */
  public static JbuildHome fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public Path blobs() {
    return root;
  }

  public Path index() {
    return root.resolve("index.json");
  }

  public Path layers() {
    return root.resolve("layers");
  }

  public Path cache() {
    return root.resolve("cache");
  }

  public Path statCache() {
    return root.resolve("statcache");
  }

  /**
   * The stat cache directory of one build context ({@code statcache/<16 hex of the SHA-256 of its
   * absolute path>}), so a build loads the entries of its own context only.
   */
  public Path statCacheFor(Path contextDir) {
    String abs = contextDir.toAbsolutePath().normalize().toString();
    return statCache().resolve(io.jbuild.oci.Digest.sha256(abs.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hex().substring(0, 16));
  }

  public Path tmp() {
    return root.resolve("tmp");
  }
}
