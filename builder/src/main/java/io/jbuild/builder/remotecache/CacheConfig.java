package io.jbuild.builder.remotecache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jbuild.builder.state.ImageState;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The config blob of a cache image (media type {@value #MEDIA_TYPE}):
 * <pre>
 * {"schemaVersion":1,"steps":{"&lt;cache key hex&gt;":&lt;ImageState JSON&gt;, ...}}
 * </pre>
 * Each value is the JSON the local step cache stores for that key (see
 * {@link io.jbuild.builder.cache.StepCache}); keys are sorted, so the same steps always give the same
 * bytes. Readers ignore unknown fields; an unknown {@code schemaVersion} is an error.
 */
public record CacheConfig(SortedMap<String, ImageState> steps) {
  /** The media type of the config blob. */
  public static final String MEDIA_TYPE = "application/vnd.jbuild.cache.config.v1+json";
  /** The schema version written and understood. */
  public static final int SCHEMA_VERSION = 1;

  private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public CacheConfig {
    for (String k : steps.keySet()) {
      if (!HEX.matcher(k).matches()) {
        throw new IllegalArgumentException("cache config: invalid cache key \"" + k + "\"");
      }
    }
    steps = Collections.unmodifiableSortedMap(new TreeMap<>(steps));
  }

  /** The canonical JSON bytes. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode s = root.putObject("steps");
    for (Map.Entry<String, ImageState> e : steps.entrySet()) {
      s.set(e.getKey(), JSON.valueToTree(e.getValue()));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("serialising the cache config: " + e.getMessage(), e);
    }
  }

  /** Parses config bytes; errors say what is wrong. */
  public static CacheConfig fromJson(byte[] bytes) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IOException("invalid cache config: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException("invalid cache config: not a JSON object");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) {
      throw new IOException("unsupported cache config schemaVersion " + root.path("schemaVersion")
          + " (this jbuild reads " + SCHEMA_VERSION + ")");
    }
    SortedMap<String, ImageState> steps = new TreeMap<>();
    JsonNode s = root.path("steps");
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!HEX.matcher(e.getKey()).matches()) {
        throw new IOException("invalid cache config: cache key \"" + e.getKey() + "\" is not 64 hex digits");
      }
      try {
        steps.put(e.getKey(), JSON.treeToValue(e.getValue(), ImageState.class));
      } catch (IOException | IllegalArgumentException ex) {
        throw new IOException("invalid cache config: step " + e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
    return new CacheConfig(steps);
  }
}
