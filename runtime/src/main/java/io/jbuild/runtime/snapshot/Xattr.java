package io.jbuild.runtime.snapshot;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One extended attribute: full name (e.g. {@code user.foo}) and raw value. */
public record Xattr(String name, byte[] value) {
  public Xattr {
    Objects.requireNonNull(name, "name");
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Xattr && ((Xattr) o).name.equals(name) && Arrays.equals(((Xattr) o).value, value);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return name + "=0x" + HexFormat.of().formatHex(value);
  }
}
