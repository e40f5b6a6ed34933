package io.jbuild.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** Jackson codecs for the Go-shaped fields of image configs; package-private, used by annotations. */
final class JsonCodecs {
  private JsonCodecs() {}

  /** {@code Set<String>} as Go's {@code map[string]struct{}}: {@code {"80/tcp":{}}}, keys sorted. */
  static final class KeySetSerializer extends JsonSerializer<Set<String>> {
    @Override
    public void serialize(Set<String> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      for (String key : new TreeSet<>(value)) {
        gen.writeFieldName(key);
        gen.writeStartObject();
        gen.writeEndObject();
      }
      gen.writeEndObject();
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Set<String> value) {
      return value == null || value.isEmpty();
    }
  }

  /** Reads {@code {"80/tcp":{}}} (values ignored, whatever they are) into a set of keys. */
  static final class KeySetDeserializer extends JsonDeserializer<Set<String>> {
    @Override
    public Set<String> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      Set<String> keys = new TreeSet<>();
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return keys;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (Set<String>) ctx.handleUnexpectedToken(Set.class, p);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
      return keys;
    }

    @Override
    public Set<String> getNullValue(DeserializationContext ctx) {
      return new TreeSet<>();
    }
  }

  /** {@link Duration} as Go's {@code time.Duration}: an integer count of nanoseconds; zero is "empty". */
  static final class NanosSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(value.toNanos());
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Duration value) {
      return value == null || value.isZero();
    }
  }

  /** Reads an integer count of nanoseconds. */
  static final class NanosDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      return Duration.ofNanos(p.getValueAsLong());
    }
  }

  /** {@link Instant} in Go's RFC 3339 nano format. */
  static final class TimeSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(GoTime.format(value));
    }
  }

  /** Reads an RFC 3339 timestamp (any offset). */
  static final class TimeDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        return GoTime.parse(text);
      } catch (IllegalArgumentException e) {
        return (Instant) ctx.handleWeirdStringValue(Instant.class, text, e.getMessage());
      }
    }
  }
}
