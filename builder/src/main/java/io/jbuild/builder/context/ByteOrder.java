package io.jbuild.builder.context;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** Byte order of UTF-8 encoded names and paths, the order tar layers and digests use. */
public final class ByteOrder {
  private ByteOrder() {}

  /** Compares strings by their UTF-8 bytes, unsigned. */
  public static final Comparator<String> NAMES = (a, b) ->
      Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
}
