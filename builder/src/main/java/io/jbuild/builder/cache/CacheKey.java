package io.jbuild.builder.cache;

import io.jbuild.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache key of one build step: SHA-256 over a canonical serialisation of everything the step's
 * result depends on. The format (version 1) is a sequence of records, each
 * <pre>
 *   NAME ' ' LENGTH ':' VALUE '\n'
 * </pre>
 * where NAME is a fixed ASCII field name, LENGTH the decimal byte length of VALUE (UTF-8), so no
 * value can be confused with a separator. Records appear in this order:
 * <ol>
 *   <li>{@code v} = {@code jbuild-cache/1}</li>
 *   <li>{@code parent} = the parent step's key ({@code sha256:...}), or for a stage's first step the
 *       base image's manifest digest, or {@code scratch}</li>
 *   <li>{@code platform} = the target platform {@code os/arch[/variant]}</li>
 *   <li>{@code op} = the instruction keyword and its arguments after expansion, as shown in history</li>
 *   <li>{@code env K} = value, for every variable the step can see (stage ENV and declared build
 *       args), sorted by K; the ENV order is already part of the parent chain</li>
 *   <li>{@code flag K} = value, for instruction flags (chown, chmod, link, parents, exclude, network,
 *       mounts, ...), sorted by K</li>
 *   <li>{@code source} = the {@code SourceDigest} of the selected COPY/ADD sources (after
 *       .dockerignore), or for {@code --from} the producing stage's key; absent for other steps</li>
 * </ol>
 * Nothing host-specific goes in: no absolute paths, hostnames, mtimes or uids of the builder, so the
 * same inputs give the same key on any machine.
 */
public record CacheKey(Digest digest) {

  /** Starts a key whose parent is {@code parent} (a key, a manifest digest or {@code scratch}). */
  public static Builder builder(String parent, String platform) {
    return new Builder().field("v", "jbuild-cache/1").field("parent", parent).field("platform", platform);
  }

  public String hex() {
    return digest.hex();
  }

  @Override
  public String toString() {
    return digest.toString();
  }

  /** Accumulates the records of a key in the documented order. */
  public static final class Builder {
    private final MessageDigest sha = Digest.newSha256();
    private final Map<String, String> env = new TreeMap<>();
    private final Map<String, String> flags = new TreeMap<>();
    private String op;
    private String source;

    private Builder() {}

    private Builder field(String name, String value) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      sha.update((name + " " + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
      sha.update(bytes);
      sha.update((byte) '\n');
      return this;
    }

    public Builder op(String text) {
      this.op = text;
      return this;
    }

    public Builder env(Map<String, String> vars) {
      env.putAll(vars);
      return this;
    }

    public Builder flag(String name, String value) {
      if (value != null) {
        flags.put(name, value);
      }
      return this;
    }

    public Builder source(String sourceDigest) {
      this.source = sourceDigest;
      return this;
    }

    public CacheKey build() {
      field("op", op == null ? "" : op);
      env.forEach((k, v) -> field("env " + k, v));
      flags.forEach((k, v) -> field("flag " + k, v));
      if (source != null) {
        field("source", source);
      }
      return new CacheKey(Digest.ofSha256(sha.digest()));
    }
  }
}
