package io.jbuild.builder.output;

import io.jbuild.builder.BuildException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code --output} option in BuildKit's syntax: comma-separated {@code key=value} pairs with a
 * {@code type} ({@code oci}, {@code docker}, {@code local}, {@code tar}, {@code image},
 * {@code registry}) and type-specific attributes ({@code dest}, {@code tar}, {@code name},
 * {@code push}). A value without {@code =} and without commas is the shorthand for
 * {@code type=local,dest=VALUE}, as buildx reads it.
 */
public record OutputSpec(String type, Map<String, String> attributes) {
  private static final Set<String> TYPES = Set.of("oci", "docker", "local", "tar", "image", "registry");

  public OutputSpec {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public static OutputSpec parse(String text) throws BuildException {
    if (text == null || text.isBlank()) {
      throw new BuildException("invalid --output: empty");
    }
    if (!text.contains("=") && !text.contains(",")) {
      return new OutputSpec("local", Map.of("dest", text));
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new BuildException("invalid --output \"" + text + "\": expected key=value, got \"" + part + "\"");
      }
      attrs.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(part.substring(eq + 1).trim()));
    }
    String type = attrs.remove("type");
    if (type == null) {
      throw new BuildException("invalid --output \"" + text + "\": missing type=");
    }
    type = type.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new BuildException("invalid --output \"" + text + "\": unsupported type \"" + type
          + "\" (expected one of oci, docker, local, tar, image, registry)");
    }
    if (Set.of("oci", "docker", "local", "tar").contains(type) && !attrs.containsKey("dest")) {
      throw new BuildException("invalid --output \"" + text + "\": type=" + type + " needs dest=");
    }
    return new OutputSpec(type, attrs);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  public String dest() {
    return attributes.get("dest");
  }

  /** A boolean attribute ({@code true/false/1/0}); {@code dflt} when absent. */
  public boolean flag(String key, boolean dflt) {
    String v = attributes.get(key);
    if (v == null) {
      return dflt;
    }
    return v.equalsIgnoreCase("true") || v.equals("1");
  }
}
