package io.jbuild.runtime.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes {@code config.json}. */
public final class SpecJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SpecJson() {}

  /** Serialises {@code spec} as runtime-spec JSON. */
  public static String toJson(RuntimeSpec spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (IOException e) {
      throw new IllegalStateException("serialising runtime spec", e);
    }
  }

  /** Writes {@code spec} to {@code bundle/config.json}. */
  public static Path write(RuntimeSpec spec, Path bundle) throws IOException {
    Path file = bundle.resolve("config.json");
    MAPPER.writeValue(file.toFile(), spec);
    return file;
  }

  /** Parses a {@code config.json} written by {@link #write}. */
  public static RuntimeSpec read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), RuntimeSpec.class);
  }
}
