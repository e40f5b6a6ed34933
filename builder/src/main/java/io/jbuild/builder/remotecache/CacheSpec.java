package io.jbuild.builder.remotecache;

import io.jbuild.builder.BuildException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code --cache-to} or {@code --cache-from} option in BuildKit's syntax: comma-separated
 * {@code key=value} pairs.
 * <ul>
 *   <li>{@code type=registry,ref=REF[,mode=min|max][,compression=gzip|zstd][,ignore-error=true]}: a
 *       cache image in a registry; a bare {@code REF} (no {@code =}) is short for it, as buildx reads it;</li>
 *   <li>{@code type=local,dest=DIR[,tag=T][,mode=...]} (export) and {@code type=local,src=DIR[,tag=T]}
 *       (import): a cache image in an OCI image layout directory, under tag {@code T} (default
 *       {@code latest}).</li>
 * </ul>
 * {@code mode} defaults to {@code max} (issue 6); {@code compression} (null: leave layers as built)
 * recompresses exported layers. Attributes BuildKit accepts but that change nothing here
 * ({@code oci-mediatypes}, {@code image-manifest}, {@code compression-level}, {@code force-compression})
 * are accepted and ignored; any other attribute is an error naming the accepted ones.
 *
 * @param type {@code registry} or {@code local}
 * @param ref the registry reference ({@code registry} only)
 * @param src the layout to import from ({@code local} only)
 * @param dest the layout to export to ({@code local} only)
 * @param tag the layout tag ({@code local} only; default {@code latest})
 * @param mode what an export carries
 * @param compression {@code gzip}, {@code zstd} or null
 * @param ignoreError when true, a failed export is a warning instead of a build error
 */
public record CacheSpec(Type type, String ref, Path src, Path dest, String tag, CacheMode mode, String compression,
    boolean ignoreError) {

  /** Where the cache lives. */
  public enum Type {
    REGISTRY,
    LOCAL;

    /** The attribute value. */
    public String attribute() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Set<String> IGNORED = Set.of("oci-mediatypes", "image-manifest", "compression-level",
      "force-compression");
  private static final Set<String> UNSUPPORTED_TYPES = Set.of("inline", "gha", "s3", "azblob");

  public CacheSpec {
    Objects.requireNonNull(type, "type");
    mode = mode == null ? CacheMode.MAX : mode;
    tag = type == Type.LOCAL && (tag == null || tag.isEmpty()) ? "latest" : tag;
    if (type == Type.REGISTRY && (ref == null || ref.isEmpty())) {
      throw new IllegalArgumentException("registry cache without ref");
    }
    if (type == Type.LOCAL && src == null && dest == null) {
      throw new IllegalArgumentException("local cache without src or dest");
    }
  }

  /** A registry cache at {@code ref} with default settings. */
  public static CacheSpec registry(String ref) {
    return new CacheSpec(Type.REGISTRY, ref, null, null, null, CacheMode.MAX, null, false);
  }

  /** Parses either direction; see {@link #parseFrom} and {@link #parseTo} for the checked forms. */
  public static CacheSpec parse(String text) throws BuildException {
    if (text == null || text.isBlank()) {
      throw new BuildException("invalid cache spec: empty");
    }
    String trimmed = text.trim();
    if (!trimmed.contains("=") && !trimmed.contains(",")) {
      checkRef(text, trimmed);
      return registry(trimmed);
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String part : trimmed.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new BuildException("invalid cache spec \"" + text + "\": expected key=value, got \"" + part + "\"");
      }
      String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (attrs.put(key, unquote(part.substring(eq + 1).trim())) != null) {
        throw new BuildException("invalid cache spec \"" + text + "\": " + key + " given twice");
      }
    }
    String type = attrs.remove("type");
    if (type == null) {
      throw new BuildException("invalid cache spec \"" + text + "\": missing type= (registry or local)");
    }
    type = type.toLowerCase(Locale.ROOT);
    Type t;
    if (type.equals("registry")) {
      t = Type.REGISTRY;
    } else if (type.equals("local")) {
      t = Type.LOCAL;
    } else if (UNSUPPORTED_TYPES.contains(type)) {
      throw new BuildException("invalid cache spec \"" + text + "\": cache type \"" + type
          + "\" is not supported (supported: registry, local)");
    } else {
      throw new BuildException("invalid cache spec \"" + text + "\": unknown cache type \"" + type
          + "\" (expected registry or local)");
    }
    String ref = attrs.remove("ref");
    String src = attrs.remove("src");
    String dest = attrs.remove("dest");
    String tag = attrs.remove("tag");
    CacheMode mode = mode(text, attrs.remove("mode"));
    String compression = compression(text, attrs.remove("compression"));
    boolean ignoreError = bool(text, "ignore-error", attrs.remove("ignore-error"));
    attrs.keySet().removeAll(IGNORED);
    List<String> accepted = t == Type.REGISTRY
        ? List.of("ref", "mode", "compression", "ignore-error")
        : List.of("src", "dest", "tag", "mode", "compression", "ignore-error");
    if (t == Type.REGISTRY && (src != null || dest != null || tag != null)) {
      attrs.put(src != null ? "src" : dest != null ? "dest" : "tag", "");
    }
    if (t == Type.LOCAL && ref != null) {
      attrs.put("ref", "");
    }
    if (!attrs.isEmpty()) {
      throw new BuildException("invalid cache spec \"" + text + "\": unknown attribute \""
          + attrs.keySet().iterator().next() + "\" for type=" + type + " (accepted: " + String.join(", ", accepted)
          + ")");
    }
    if (t == Type.REGISTRY) {
      if (ref == null || ref.isEmpty()) {
        throw new BuildException("invalid cache spec \"" + text + "\": type=registry needs ref=");
      }
      checkRef(text, ref);
      return new CacheSpec(t, ref, null, null, null, mode, compression, ignoreError);
    }
    if ((src == null || src.isEmpty()) && (dest == null || dest.isEmpty())) {
      throw new BuildException("invalid cache spec \"" + text + "\": type=local needs src= (import) or dest= (export)");
    }
    return new CacheSpec(t, null, src == null || src.isEmpty() ? null : Path.of(src),
        dest == null || dest.isEmpty() ? null : Path.of(dest), tag, mode, compression, ignoreError);
  }

  /** Parses a {@code --cache-from} value: a local cache needs {@code src=}. */
  public static CacheSpec parseFrom(String text) throws BuildException {
    CacheSpec spec = parse(text);
    if (spec.type == Type.LOCAL && spec.src == null) {
      throw new BuildException("invalid --cache-from \"" + text + "\": type=local imports from src=DIR, not dest=");
    }
    return spec;
  }

  /** Parses a {@code --cache-to} value: a local cache needs {@code dest=}. */
  public static CacheSpec parseTo(String text) throws BuildException {
    CacheSpec spec = parse(text);
    if (spec.type == Type.LOCAL && spec.dest == null) {
      throw new BuildException("invalid --cache-to \"" + text + "\": type=local exports to dest=DIR, not src=");
    }
    return spec;
  }

  /** Where this cache lives, for messages: the reference or the layout directory and tag. */
  public String describe() {
    if (type == Type.REGISTRY) {
      return ref;
    }
    return (dest != null ? dest : src) + ":" + tag;
  }

  /** The canonical text form; {@link #parse} of it gives this spec back. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("type=").append(type.attribute());
    if (ref != null) {
      sb.append(",ref=").append(ref);
    }
    if (src != null) {
      sb.append(",src=").append(src);
    }
    if (dest != null) {
      sb.append(",dest=").append(dest);
    }
    if (type == Type.LOCAL) {
      sb.append(",tag=").append(tag);
    }
    sb.append(",mode=").append(mode.attribute());
    if (compression != null) {
      sb.append(",compression=").append(compression);
    }
    if (ignoreError) {
      sb.append(",ignore-error=true");
    }
    return sb.toString();
  }

  private static void checkRef(String text, String ref) throws BuildException {
    try {
      io.jbuild.registry.ImageReference.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new BuildException("invalid cache spec \"" + text + "\": ref: " + e.getMessage(), e);
    }
  }

  private static CacheMode mode(String text, String value) throws BuildException {
    if (value == null) {
      return CacheMode.MAX;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "min" -> CacheMode.MIN;
      case "max" -> CacheMode.MAX;
      default -> throw new BuildException("invalid cache spec \"" + text + "\": mode \"" + value
          + "\" (expected min or max)");
    };
  }

  private static String compression(String text, String value) throws BuildException {
    if (value == null) {
      return null;
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (!v.equals("gzip") && !v.equals("zstd")) {
      throw new BuildException("invalid cache spec \"" + text + "\": compression \"" + value
          + "\" (expected gzip or zstd)");
    }
    return v;
  }

  private static boolean bool(String text, String key, String value) throws BuildException {
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new BuildException("invalid cache spec \"" + text + "\": " + key + " \"" + value
          + "\" (expected true or false)");
    };
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
