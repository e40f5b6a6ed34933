package io.jbuild.runtime.spec;

/** {@code RUN --network}: the host's network (default) or an own namespace with loopback only. */
public enum NetworkMode {
  HOST,
  NONE
}
