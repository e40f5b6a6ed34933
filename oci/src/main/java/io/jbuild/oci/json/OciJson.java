package io.jbuild.oci.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jbuild.oci.Descriptor;
import io.jbuild.oci.ImageConfig;
import io.jbuild.oci.ImageIndex;
import io.jbuild.oci.ImageManifest;
import io.jbuild.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON codec of the image model: one configured Jackson mapper shared by the whole program.
 *
 * <p>Writing is compact (no whitespace, no trailing newline), deterministic (record fields in their
 * declared or annotated order, map keys sorted) and escapes strings as Go's {@code encoding/json}
 * does ({@code <}, {@code >}, {@code &}, U+2028, U+2029, control characters: lower-case hex escapes),
 * so the bytes match what BuildKit writes for the same value.
 * {@link #writeIndented} reproduces Go's {@code json.MarshalIndent(v, "", "  ")}, the form BuildKit
 * uses for manifests and indexes.
 *
 * <p>Reading ignores unknown fields, accepts Docker schema2 manifests and manifest lists through the
 * same records as OCI ones (the {@code mediaType} field tells them apart) and reports errors as
 * {@link InvalidJsonException} with the document kind and the JSON path, e.g.
 * {@code invalid image config: rootfs.diff_ids[0]: invalid digest: sha256:zz}.
 */
public final class OciJson {
  private static final int MAX_DOCUMENT = 64 << 20;
  private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactory().setCharacterEscapes(new GoEscapes()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();
  private static final ObjectWriter COMPACT = MAPPER.writer();
  private static final ObjectWriter INDENTED = MAPPER.writer(goPrettyPrinter());
  private static final Map<Class<?>, String> KINDS = Map.of(
      ImageConfig.class, "image config",
      ImageManifest.class, "image manifest",
      ImageIndex.class, "image index",
      Descriptor.class, "descriptor");

  private OciJson() {}

  /** Compact JSON bytes of {@code value} (UTF-8, no trailing newline). */
  public static byte[] write(Object value) {
    try {
      return COMPACT.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("encoding " + kind(value.getClass()) + ": " + e.getOriginalMessage(), e);
    }
  }

  /** JSON bytes of {@code value} indented like Go's {@code json.MarshalIndent(v, "", "  ")}. */
  public static byte[] writeIndented(Object value) {
    try {
      return INDENTED.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("encoding " + kind(value.getClass()) + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Reads {@code json} as {@code type}; manifests and indexes are checked for a matching media type. */
  public static <T> T read(byte[] json, Class<T> type) throws InvalidJsonException {
    T value;
    try {
      value = MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw invalid(type, e);
    }
    return checked(value, type);
  }

  /** Reads one JSON document (at most 64 MiB) from {@code in}, which is left open. */
  public static <T> T read(InputStream in, Class<T> type) throws IOException {
    byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
    if (bytes.length > MAX_DOCUMENT) {
      throw new InvalidJsonException("invalid " + kind(type) + ": document larger than " + MAX_DOCUMENT + " bytes");
    }
    return read(bytes, type);
  }

  /** Reads {@code json} as a generic tree (for sniffing fields of documents of unknown type). */
  public static JsonNode readTree(byte[] json) throws InvalidJsonException {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidJsonException("invalid json: empty document");
      }
      return node;
    } catch (IOException e) {
      throw invalid(JsonNode.class, e);
    }
  }

  /**
   * The media type of a manifest-like document: its {@code mediaType} field, else
   * {@link MediaTypes#OCI_INDEX} when it has {@code manifests}, else {@link MediaTypes#OCI_MANIFEST}
   * when it has {@code config} (the image-spec allows the field to be missing).
   */
  public static String mediaTypeOf(byte[] json) throws InvalidJsonException {
    JsonNode node = readTree(json);
    JsonNode mediaType = node.get("mediaType");
    if (mediaType != null && mediaType.isTextual() && !mediaType.asText().isEmpty()) {
      return mediaType.asText();
    }
    if (node.has("manifests")) {
      return MediaTypes.OCI_INDEX;
    }
    if (node.has("config")) {
      return MediaTypes.OCI_MANIFEST;
    }
    throw new InvalidJsonException("invalid manifest: no mediaType, manifests or config field");
  }

  private static <T> T checked(T value, Class<T> type) throws InvalidJsonException {
    if (value == null) {
      throw new InvalidJsonException("invalid " + kind(type) + ": null document");
    }
    if (value instanceof ImageManifest m) {
      if (m.schemaVersion() != 2) {
        throw new InvalidJsonException("invalid image manifest: unsupported schemaVersion " + m.schemaVersion());
      }
      if (m.mediaType() != null && !m.mediaType().isEmpty() && !MediaTypes.isManifest(m.mediaType())) {
        throw new InvalidJsonException("invalid image manifest: media type " + m.mediaType() + " is not a manifest");
      }
      if (m.config() == null) {
        throw new InvalidJsonException("invalid image manifest: no config descriptor");
      }
    } else if (value instanceof ImageIndex i) {
      if (i.schemaVersion() != 2) {
        throw new InvalidJsonException("invalid image index: unsupported schemaVersion " + i.schemaVersion());
      }
      if (i.mediaType() != null && !i.mediaType().isEmpty() && !MediaTypes.isIndex(i.mediaType())) {
        throw new InvalidJsonException("invalid image index: media type " + i.mediaType() + " is not an index");
      }
    }
    return value;
  }

  private static InvalidJsonException invalid(Class<?> type, IOException e) {
    StringBuilder msg = new StringBuilder("invalid ").append(kind(type)).append(": ");
    if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
      msg.append(path(jm)).append(": ");
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root.getMessage() != null) {
      msg.append(root.getMessage());
    } else if (e instanceof JsonProcessingException jp) {
      msg.append(firstLine(jp.getOriginalMessage()));
      if (jp.getLocation() != null && jp.getLocation().getLineNr() > 0) {
        msg.append(" (line ").append(jp.getLocation().getLineNr())
            .append(", column ").append(jp.getLocation().getColumnNr()).append(')');
      }
    } else {
      msg.append(e.getMessage());
    }
    return new InvalidJsonException(msg.toString(), e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed json";
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.replace("com.fasterxml.jackson.", "").trim();
  }

  private static String kind(Class<?> type) {
    return KINDS.getOrDefault(type, type == JsonNode.class ? "json" : type.getSimpleName().toLowerCase());
  }

  private static DefaultPrettyPrinter goPrettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  /** Go's {@code encoding/json} string escaping (HTML-safe, lower-case hex). */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    GoEscapes() {
      ascii = standardAsciiEscapesForJSON();
      for (int c = 0; c < 0x20; c++) {
        if (c != '\n' && c != '\r' && c != '\t' && c != '\b' && c != '\f') {
          ascii[c] = ESCAPE_CUSTOM;
        }
      }
      ascii['<'] = ESCAPE_CUSTOM;
      ascii['>'] = ESCAPE_CUSTOM;
      ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
