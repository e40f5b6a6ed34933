package io.jbuild.builder.context;

import io.jbuild.oci.layer.Utf8Order;
import java.util.Comparator;

/** Byte order of UTF-8 encoded names and paths, the order tar layers and digests use. */
public final class ByteOrder {
  private ByteOrder() {}

  /** Compares strings by their UTF-8 bytes, unsigned (without encoding them). */
  public static final Comparator<String> NAMES = Utf8Order.ORDER;
}
