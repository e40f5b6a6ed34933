package io.jbuild.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/** Indented JSON for command output (metadata files, inspect). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static byte[] pretty(Object value) throws JsonProcessingException {
    return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
