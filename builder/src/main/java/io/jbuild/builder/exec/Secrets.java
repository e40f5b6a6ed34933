package io.jbuild.builder.exec;

import io.jbuild.builder.BuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --secret} values of a build: {@code id=ID,src=FILE} (or {@code source=}),
 * {@code id=ID,env=VAR}, or {@code id=ID} alone (the environment variable ID, else a file named
 * ID... as buildx: env first). A secret's value never enters a layer, the history or a cache key.
 */
public final class Secrets {
  /** Where one secret comes from: a file or an environment value. */
  public record Secret(String id, Path file, String envValue) {}

  private final Map<String, Secret> byId;

  private Secrets(Map<String, Secret> byId) {
    this.byId = byId;
  }

  public static Secrets none() {
    return new Secrets(Map.of());
  }

  public static Secrets parse(List<String> specs, Map<String, String> env) throws BuildException {
    Map<String, Secret> out = new LinkedHashMap<>();
    for (String spec : specs) {
      String id = null;
      String src = null;
      String envName = null;
      for (String part : spec.split(",")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new BuildException("invalid --secret \"" + spec + "\": expected id=ID,src=FILE or id=ID,env=VAR");
        }
        String k = part.substring(0, eq).trim();
        String v = part.substring(eq + 1).trim();
        switch (k) {
          case "id" -> id = v;
          case "src", "source" -> src = v;
          case "env" -> envName = v;
          case "type" -> { }
          default -> throw new BuildException("invalid --secret \"" + spec + "\": unknown key \"" + k + "\"");
        }
      }
      if (id == null || id.isEmpty()) {
        throw new BuildException("invalid --secret \"" + spec + "\": missing id=");
      }
      if (src != null) {
        Path file = Path.of(src);
        if (!Files.isRegularFile(file)) {
          throw new BuildException("invalid --secret \"" + id + "\": file " + src + " does not exist");
        }
        out.put(id, new Secret(id, file.toAbsolutePath(), null));
      } else {
        String name = envName != null ? envName : id;
        String value = env.get(name);
        if (value == null) {
          if (envName == null && Files.isRegularFile(Path.of(id))) {
            out.put(id, new Secret(id, Path.of(id).toAbsolutePath(), null));
            continue;
          }
          throw new BuildException("invalid --secret \"" + id + "\": environment variable " + name + " is not set");
        }
        out.put(id, new Secret(id, null, value));
      }
    }
    return new Secrets(out);
  }

  /** The secret with this id, or null. */
  public Secret get(String id) {
    return byId.get(id);
  }
}
