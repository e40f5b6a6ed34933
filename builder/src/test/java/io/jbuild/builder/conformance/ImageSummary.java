package io.jbuild.builder.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An image reduced to what the golden files hold, as {@code scripts/buildkit-golden} reduces BuildKit's:
 * {@code image} is the JSON of {@code expected/image.json} (architecture, os, the config fields named in
 * {@link #CONFIG_FIELDS} that are present and not null, history as {@code created_by}/{@code empty_layer},
 * the number of layers and how many of them are the base image's) and {@code layers} the text of
 * {@code expected/layers.txt} ({@code # layer N} then the {@link LayerListing} of each layer above the
 * base, directory entries that change nothing but times left out, see {@link RootfsState}).
 */
record ImageSummary(JsonNode image, String layers) {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> CONFIG_FIELDS = List.of("User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes",
      "WorkingDir", "Labels", "StopSignal", "ArgsEscaped", "Healthcheck", "OnBuild", "Shell");

  /** The diff_ids of the single image of an OCI layout (the base image). */
  static List<String> diffIds(Path layout) throws IOException {
    JsonNode config = blobJson(layout, manifest(layout).get("config").get("digest").asText());
    List<String> out = new ArrayList<>();
    config.path("rootfs").path("diff_ids").forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Summarises the first image of the OCI layout directory {@code layout}. */
  static ImageSummary ofLayout(Path layout, List<String> baseDiffIds) throws IOException {
    JsonNode manifest = manifest(layout);
    JsonNode config = blobJson(layout, manifest.get("config").get("digest").asText());
    List<String> diffIds = new ArrayList<>();
    config.path("rootfs").path("diff_ids").forEach(n -> diffIds.add(n.asText()));
    int base = 0;
    while (base < diffIds.size() && base < baseDiffIds.size() && diffIds.get(base).equals(baseDiffIds.get(base))) {
      base++;
    }
    ObjectNode image = JSON.createObjectNode();
    image.set("architecture", config.get("architecture"));
    image.set("os", config.get("os"));
    ObjectNode fields = image.putObject("config");
    JsonNode c = config.path("config");
    for (String k : CONFIG_FIELDS) {
      if (c.hasNonNull(k)) {
        fields.set(k, c.get(k));
      }
    }
    ArrayNode history = image.putArray("history");
    for (JsonNode h : config.path("history")) {
      ObjectNode entry = history.addObject();
      entry.put("created_by", h.path("created_by").asText(""));
      entry.put("empty_layer", h.path("empty_layer").asBoolean(false));
    }
    image.put("layers", diffIds.size());
    image.put("base_layers", base);

    StringBuilder text = new StringBuilder();
    RootfsState state = new RootfsState();
    int i = 0;
    for (JsonNode layer : manifest.path("layers")) {
      List<String> lines;
      try (InputStream in = layerStream(layout, layer)) {
        lines = LayerListing.of(in);
      }
      if (i >= base) {
        text.append("# layer ").append(i).append('\n');
        for (String line : state.dropUnchangedDirs(lines)) {
          text.append(line).append('\n');
        }
      }
      state.apply(lines);
      i++;
    }
    return new ImageSummary(image, text.toString());
  }

  private static JsonNode manifest(Path layout) throws IOException {
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    JsonNode m = blobJson(layout, index.get("manifests").get(0).get("digest").asText());
    if (m.has("manifests")) {
      m = blobJson(layout, m.get("manifests").get(0).get("digest").asText());
    }
    return m;
  }

  private static Path blob(Path layout, String digest) {
    int colon = digest.indexOf(':');
    return layout.resolve("blobs").resolve(digest.substring(0, colon)).resolve(digest.substring(colon + 1));
  }

  private static JsonNode blobJson(Path layout, String digest) throws IOException {
    return JSON.readTree(blob(layout, digest).toFile());
  }

  private static InputStream layerStream(Path layout, JsonNode layer) throws IOException {
    String mediaType = layer.path("mediaType").asText();
    InputStream raw = new BufferedInputStream(Files.newInputStream(blob(layout, layer.get("digest").asText())),
        1 << 16);
    if (mediaType.endsWith("gzip")) {
      return new GZIPInputStream(raw, 1 << 16);
    }
    if (mediaType.endsWith("tar")) {
      return raw;
    }
    raw.close();
    throw new IOException("layer " + layer.get("digest").asText() + ": cannot read media type " + mediaType);
  }
}
